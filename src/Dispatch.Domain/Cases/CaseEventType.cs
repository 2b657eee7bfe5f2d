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

    /// <summary>The reminder share of the deadline has passed (default 75%); the case is still open.</summary>
    CaseReminded,

    /// <summary>A supervision order was opened on the case (after a breach, here or at the supervising tier).</summary>
    CaseSupervised,

    /// <summary>The supervision order's own deadline passed with the case still open.</summary>
    CaseSupervisionBreached,

    /// <summary>A dispatcher summoned departments to the case (Joint handling); each must acknowledge in time.</summary>
    CaseSummoned,

    /// <summary>A summoned department acknowledged the summons.</summary>
    CaseSummonsAcknowledged,

    /// <summary>A summoned department did not acknowledge in time.</summary>
    CaseSummonsBreached,

    /// <summary>The parent node refused an escalation for good (the message, not the link): the case is back in this node's queue.</summary>
    CaseEscalationRefused,
}
