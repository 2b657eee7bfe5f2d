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
}
