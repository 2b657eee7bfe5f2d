using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

/// <summary>
/// A duplicate joins a problem that is still being worked on (here or at the parent node). A problem
/// that comes back after its case was closed is a new case, or a reopening, not a duplicate.
/// </summary>
internal sealed class OriginalCaseMustStillBeOpen(Case original) : IBusinessRule
{
    public bool IsBroken() => !original.IsOpen && original.Status != CaseStatus.Escalated;

    public string Message => $"Case {original.Number} is {original.Status}; a duplicate can only be merged into an open case.";
}
