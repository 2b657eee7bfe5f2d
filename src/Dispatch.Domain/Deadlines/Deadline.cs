namespace Dispatch.Domain.Deadlines;

/// <summary>A case's deadline and the time of its reminder (before the deadline).</summary>
public readonly record struct Deadline(DateTimeOffset DueAt, DateTimeOffset RemindAt);
