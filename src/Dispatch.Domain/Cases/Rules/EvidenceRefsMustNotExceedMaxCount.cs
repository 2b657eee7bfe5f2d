using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

internal sealed class EvidenceRefsMustNotExceedMaxCount(string fieldName, int count) : IValidationRule
{
    public string Field => fieldName;

    public bool IsBroken() => count > CaseLimits.EvidenceRefsMaxCount;

    public string Message => $"{fieldName} has {count} items; at most {CaseLimits.EvidenceRefsMaxCount} are allowed.";
}
