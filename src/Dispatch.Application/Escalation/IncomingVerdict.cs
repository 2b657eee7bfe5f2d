namespace Dispatch.Application.Escalation;

/// <summary>A child's verdict on a case it escalated and the parent resolved; <paramref name="Attempt"/> is the rework round it belongs to.</summary>
internal sealed record IncomingVerdict(Guid OriginCaseId, bool Passed, string Note, int Attempt);
