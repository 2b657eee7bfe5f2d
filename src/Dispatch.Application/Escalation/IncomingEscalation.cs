using Dispatch.Application.Cases;

namespace Dispatch.Application.Escalation;

/// <summary>
/// A child's escalation as the parent receives it: the child's case (id, number, reporter when it sent a valid one)
/// and what the parent's new case is made of. The report's request id is the parent's own (one per origin case).
/// </summary>
internal sealed record IncomingEscalation(Guid OriginCaseId, string OriginCaseNumber, Guid? OriginReporterId, ReportInput Report, string Reason);
