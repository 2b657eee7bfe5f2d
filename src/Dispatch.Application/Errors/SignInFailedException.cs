namespace Dispatch.Application.Errors;

/// <summary>The user name is unknown or the password wrong (the caller is not told which). Maps to UNAUTHENTICATED.</summary>
internal sealed class SignInFailedException() : Exception("Unknown user name or wrong password.");
