namespace Dispatch.Application.SignIn;

/// <summary>A user name and password to check, and the remote address they came from (null when unknown).</summary>
internal sealed record SignInCommand(string UserName, string Password, string? Address = null);
