using Dispatch.Domain.Cases;

namespace Dispatch.Application.Cases.Transitions;

/// <summary>Assign a case to a worker or department of this node's directory.</summary>
internal sealed record AssignCaseCommand(Guid CaseId, int ExpectedVersion, Assignee Assignee, string? Note);
