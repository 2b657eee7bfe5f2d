using Dispatch.Domain.Geography;

namespace Dispatch.Domain.Cases;

/// <summary>What a reporter submits; the input of <see cref="Case.Report"/>.</summary>
public sealed record CaseReport
{
    /// <summary>The new case's id, chosen by the caller (e.g. a version 7 Guid for index locality).</summary>
    public required Guid Id { get; init; }

    /// <summary>Human-readable number chosen by the caller, e.g. <c>C-20261124-000123</c>.</summary>
    public required string Number { get; init; }

    /// <summary>The client's idempotency key: retries of one report carry the same value.</summary>
    public required string RequestId { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>A code of the category catalogue, either level.</summary>
    public required string CategoryCode { get; init; }

    public required GridId GridId { get; init; }

    public required Location Location { get; init; }

    public required WhistleClass Whistle { get; init; }

    public required HandlingMode HandlingMode { get; init; }

    public required Guid ReporterId { get; init; }

    public IReadOnlyList<string> EvidenceRefs { get; init; } = [];

    /// <summary>The deadline, when the caller already knows it; it can be set later with <see cref="Case.Reschedule"/>.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>When the reminder goes out; only with <see cref="DueAt"/>, and not after it.</summary>
    public DateTimeOffset? RemindAt { get; init; }
}
