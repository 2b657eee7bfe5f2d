using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases;

/// <summary>
/// What the case itself lets a user do now: the rules on its state that each action's method checks, kept in one list
/// per action so that the methods (which throw) and the questions (which answer) cannot drift apart. Inputs are not
/// judged here, nor the caller's role and scope (the application's), nor rules that need a second case (merging).
/// </summary>
public sealed partial class Case
{
    /// <summary>Whether <paramref name="actorId"/> may take <paramref name="action"/> on the case as it stands.</summary>
    public bool Allows(CaseAction action, Guid actorId) => StateRules(action, actorId).All(rule => !rule.IsBroken());

    /// <summary>Whether <paramref name="actorId"/> may rate the case as it stands.</summary>
    public bool AllowsRating(Guid actorId) => RatingRules(actorId).All(rule => !rule.IsBroken());

    /// <summary>Whether a supervising tier may act on the case (summon departments): open here and not deferred.</summary>
    public bool CanBeSupervised => !new OnlyRunningCaseCanBeSupervised(Status).IsBroken();

    /// <summary>Fails with the first broken rule of <paramref name="action"/>; returns the current status.</summary>
    private CaseStatus EnsureAllowed(CaseAction action, Guid actorId)
    {
        foreach (var rule in StateRules(action, actorId))
        {
            Check.Rule(rule);
        }

        return Status;
    }

    private IEnumerable<IBusinessRule> StateRules(CaseAction action, Guid actorId)
    {
        switch (action)
        {
            case CaseAction.Assign:
                yield return new ClosedCaseCannotBeAssigned(Status);
                break;
            case CaseAction.ReturnEscalation:
                yield return new EscalationCanOnlyBeReturnedToItsChild(Origin);
                break;
        }

        yield return new IllegalTransition(action, Status, TargetOf(action));
        switch (action)
        {
            case CaseAction.Start or CaseAction.Resolve:
                yield return new OnlyAssignedWorkerCanHandle(Assignee, actorId);
                break;
            case CaseAction.VerifyPass or CaseAction.VerifyFail:
                yield return new VerifierMustNotBeResolver(ResolvedBy, actorId);
                break;
        }
    }

    private IEnumerable<IBusinessRule> RatingRules(Guid actorId)
    {
        yield return new OnlyClosedCaseCanBeRated(Status);
        yield return new OnlyReporterCanRate(ReporterId, actorId);
        yield return new SatisfactionCanBeGivenOnlyOnce(Satisfaction);
    }

    /// <summary>
    /// Where a user's action takes the case from its status. A hand-back is the parent's (to Rejected: the
    /// escalation ends there); the child's side of it follows the parent's message and is not a user's action.
    /// </summary>
    private CaseStatus TargetOf(CaseAction action) => action switch
    {
        CaseAction.Accept or CaseAction.Reopen or CaseAction.RefuseEscalation => CaseStatus.Accepted,
        CaseAction.Reject or CaseAction.ReturnEscalation => CaseStatus.Rejected,
        CaseAction.Assign => CaseStatus.Assigned,
        CaseAction.Start => CaseStatus.InProgress,
        CaseAction.Resolve or CaseAction.ResolveOnTheSpot or CaseAction.ParentResolve => CaseStatus.Resolved,
        CaseAction.VerifyPass => CaseStatus.Closed,
        CaseAction.VerifyFail => EscalatedToNodeId is null ? CaseStatus.Returned : CaseStatus.Escalated,
        CaseAction.Defer => CaseStatus.Deferred,
        CaseAction.Resume => StatusBeforeDeferral ?? CaseStatus.Deferred,
        CaseAction.Escalate => CaseStatus.Escalated,
        CaseAction.Merge => CaseStatus.Merged,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
