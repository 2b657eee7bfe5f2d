using Dispatch.Domain.Cases;

namespace Dispatch.Domain.Tests.Support;

/// <summary>Every observable part of a case's state, comparable by value.</summary>
internal sealed record CaseSnapshot(
    CaseStatus Status,
    int Version,
    int HistoryCount,
    string LastEvent,
    Assignee? Assignee,
    Guid? SuggestedDepartmentId,
    Guid? ResolvedBy,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? DeferredUntil,
    DateTimeOffset? PausedAt,
    CaseStatus? StatusBeforeDeferral,
    TimeSpan PausedTotal,
    bool Overdue,
    string EvidenceRefs,
    int? Satisfaction,
    int ReworkCount,
    Guid? MergedIntoCaseId,
    string? EscalatedToNodeId,
    Guid? ParentCaseId,
    CaseStatus? ParentStatus,
    CaseOrigin? Origin)
{
    public static CaseSnapshot Of(Case c) => new(
        c.Status,
        c.Version,
        c.History.Count,
        c.History.Count == 0 ? string.Empty : $"{c.History[^1].Sequence} {c.History[^1].Type}",
        c.Assignee,
        c.SuggestedDepartmentId,
        c.ResolvedBy,
        c.ResolvedAt,
        c.ClosedAt,
        c.UpdatedAt,
        c.DueAt,
        c.DeferredUntil,
        c.PausedAt,
        c.StatusBeforeDeferral,
        c.PausedTotal,
        c.Overdue,
        string.Join(" ", c.EvidenceRefs),
        c.Satisfaction,
        c.ReworkCount,
        c.MergedIntoCaseId,
        c.EscalatedToNodeId,
        c.ParentCaseId,
        c.ParentStatus,
        c.Origin);
}
