using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

/// <summary>A case moves only along the transitions listed in <see cref="CaseLifecycle"/>.</summary>
internal sealed class IllegalTransition(CaseAction action, CaseStatus from, CaseStatus to) : IBusinessRule
{
    public bool IsBroken() => !CaseLifecycle.IsAllowed(action, from, to);

    public string Message
    {
        get
        {
            var allowed = CaseLifecycle.From(from).Select(t => t.Action.ToString()).Distinct().ToList();
            var options = allowed.Count == 0 ? "nothing" : string.Join(", ", allowed);
            return $"{action} is not allowed on a case that is {from}; allowed from {from}: {options}.";
        }
    }
}
