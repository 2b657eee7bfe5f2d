using Dispatch.Application.Security;

namespace Dispatch.Application.SignIn;

/// <summary>Who signed in: the identity a token is issued for, and the name to greet them by.</summary>
internal sealed record SignedInUser(CallerIdentity Identity, string DisplayName);
