namespace Dispatch.Domain.Cases;

/// <summary>What happened to a case, in the past tense. Stored by name.</summary>
public enum CaseEventType
{
    CaseReported,
    CaseAccepted,
    CaseRejected,
    CaseAssigned,
    CaseStarted,
    CaseResolved,

    /// <summary>Verification passed; the case is closed.</summary>
    CaseVerified,

    /// <summary>Verification failed; the case went back for rework.</summary>
    CaseReturned,
    CaseDeferred,
    CaseResumed,
    CaseReopened,
    CaseRated,
    CaseEscalated,
    CaseMerged,
    CaseRescheduled,
    CaseMarkedOverdue,

    /// <summary>The parent node changed an escalated case (status, assignee or note), mirrored here.</summary>
    CaseParentUpdated,

    /// <summary>The parent node resolved an escalated case.</summary>
    CaseResolvedByParent,

    /// <summary>An escalation was handed back to the child node (on both sides).</summary>
    CaseEscalationReturned,
}
