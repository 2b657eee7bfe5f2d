using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

/// <summary>Reporting and handling are separated: whoever resolved a case does not verify it.</summary>
internal sealed class VerifierMustNotBeResolver(Guid? resolvedBy, Guid verifierId) : IBusinessRule
{
    public bool IsBroken() => resolvedBy == verifierId;

    public string Message => $"User {verifierId} resolved this case and cannot verify it; someone else must.";
}
