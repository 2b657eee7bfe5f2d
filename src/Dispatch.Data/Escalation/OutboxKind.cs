namespace Dispatch.Data.Escalation;

public enum OutboxKind
{
    /// <summary>EscalationService.Escalate: a case goes up.</summary>
    Escalate = 1,

    /// <summary>EscalationService.ReportVerification: the reporting grid's on-site verdict goes up.</summary>
    Verification = 2,

    /// <summary>EscalationService.Supervise: a supervision order (or its newer state) goes to the supervising parent.</summary>
    Supervision = 3,
}
