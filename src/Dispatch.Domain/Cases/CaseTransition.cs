namespace Dispatch.Domain.Cases;

/// <summary>One legal move: <paramref name="Action"/> takes a case from <paramref name="From"/> to <paramref name="To"/>.</summary>
public readonly record struct CaseTransition(CaseAction Action, CaseStatus From, CaseStatus To);
