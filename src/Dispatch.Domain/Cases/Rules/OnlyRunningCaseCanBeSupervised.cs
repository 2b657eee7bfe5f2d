using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

/// <summary>Supervision acts on a case that is still being handled here: open and not deferred.</summary>
internal sealed class OnlyRunningCaseCanBeSupervised(CaseStatus status) : IBusinessRule
{
    public bool IsBroken() => !CaseLifecycle.IsOpen(status) || status == CaseStatus.Deferred;

    public string Message => $"A case that is {status} cannot be supervised.";
}
