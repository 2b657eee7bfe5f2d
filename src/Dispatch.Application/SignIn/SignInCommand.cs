namespace Dispatch.Application.SignIn;

/// <summary>A user name and password to check.</summary>
internal sealed record SignInCommand(string UserName, string Password);
