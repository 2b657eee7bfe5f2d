namespace Dispatch.Application.Errors;

/// <summary>Too many wrong passwords locked the account until an administrator unlocks it. Maps to PERMISSION_DENIED.</summary>
internal sealed class AccountLockedException() : Exception("This account is locked after too many wrong passwords; an administrator can unlock it.");
