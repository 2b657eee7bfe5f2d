namespace Dispatch.Application.Feed;

/// <summary>One entry of the case feed with its event and what decides who sees it.</summary>
internal sealed record FeedRow(
    long Sequence,
    Domain.Cases.CaseStatus Status,
    int Version,
    Domain.Cases.CaseEvent Event,
    string Number,
    Domain.Geography.GridId GridId,
    Domain.Cases.AssigneeKind? AssigneeKind,
    Guid? AssigneeId);
