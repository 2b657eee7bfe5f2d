namespace Dispatch.Data.Escalation;

public enum OutboxKind
{
    /// <summary>EscalationService.Escalate: a case goes up.</summary>
    Escalate = 1,

    /// <summary>EscalationService.ReportVerification: the reporting grid's on-site verdict goes up.</summary>
    Verification = 2,
}
