namespace Dispatch.Application.Security;

/// <summary>Who an operation is for: anyone (no sign-in), signed-in users (by role), or registered child nodes.</summary>
internal enum CallerKind
{
    Anyone = 1,
    User,
    ChildNode,
}
