namespace Dispatch.Domain.Cases;

/// <summary>The actions that move a case between statuses; see <see cref="CaseLifecycle"/>.</summary>
public enum CaseAction
{
    /// <summary>Part of reporting with <see cref="HandlingMode.Immediate"/>; not a method of its own.</summary>
    ResolveOnTheSpot,
    Accept,
    Reject,
    Assign,
    Start,
    Resolve,
    VerifyPass,
    VerifyFail,
    Defer,
    Resume,
    Reopen,
    Escalate,
    Merge,

    /// <summary>The parent node resolved an escalated case: the reporting grid now verifies it on site.</summary>
    ParentResolve,

    /// <summary>The parent node judged the escalation one the child should handle and sent it back.</summary>
    ReturnEscalation,

    /// <summary>The parent node refused the escalation message for good: the case goes back to this node's queue.</summary>
    RefuseEscalation,
}
