namespace Dispatch.Application.Cases.Transitions;

/// <summary>The assignee reports the case fixed, with evidence.</summary>
internal sealed record ResolveCaseCommand(Guid CaseId, int ExpectedVersion, string Note, IReadOnlyList<string> EvidenceRefs);
