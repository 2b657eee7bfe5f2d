namespace Dispatch.Application.Cases;

/// <summary>
/// What happens to cases, as structured log events that name the case by its number (<c>CaseNumber</c>), so an
/// operator follows one case through a node's log and across tiers (<c>OriginCaseNumber</c>). Logged once the change is
/// committed. Routine steps log at Debug (a node takes thousands of reports a second); what crosses tiers at Information.
/// </summary>
internal static partial class CaseLog
{
    [LoggerMessage(1, LogLevel.Debug, "Case {CaseNumber} reported in grid {GridId}.")]
    public static partial void Reported(ILogger logger, string caseNumber, string gridId);

    [LoggerMessage(2, LogLevel.Debug, "Case {CaseNumber}: {Operation}, now {Status} (version {Version}).")]
    public static partial void Changed(ILogger logger, string caseNumber, CaseOperation operation, Domain.Cases.CaseStatus status, int version);

    [LoggerMessage(3, LogLevel.Information, "Case {CaseNumber} escalated to {ParentNode}; the outbox delivers it.")]
    public static partial void Escalated(ILogger logger, string caseNumber, string? parentNode);

    [LoggerMessage(4, LogLevel.Information, "Escalation received from {ChildNode}: its case {OriginCaseNumber} is case {CaseNumber} here.")]
    public static partial void EscalationReceived(ILogger logger, string childNode, string? originCaseNumber, string caseNumber);

    [LoggerMessage(5, LogLevel.Information, "Verdict from {ChildNode} on case {CaseNumber} (its case {OriginCaseNumber}): {Status}.")]
    public static partial void VerdictReceived(ILogger logger, string childNode, string caseNumber, string? originCaseNumber, Domain.Cases.CaseStatus status);

    [LoggerMessage(6, LogLevel.Debug, "Case {CaseNumber}: deadline alarms fired ({Outcome}).")]
    public static partial void AlarmsFired(ILogger logger, string caseNumber, Domain.Cases.DeadlineOutcome outcome);

    [LoggerMessage(7, LogLevel.Information, "Case {CaseNumber} escalated to {ParentNode} by supervision: its supervision deadline passed.")]
    public static partial void EscalatedBySupervision(ILogger logger, string caseNumber, string? parentNode);
}
