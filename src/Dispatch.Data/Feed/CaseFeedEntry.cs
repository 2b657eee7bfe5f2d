using Dispatch.Domain.Cases;

namespace Dispatch.Data.Feed;

/// <summary>
/// One row of the node-wide, append-only feed of case events that <c>WatchCases</c> streams. Its
/// <see cref="Sequence"/> increases across all cases, so a watcher resumes after the last one it saw.
/// Written in the same transaction as the case change it reports.
/// </summary>
public sealed class CaseFeedEntry
{
    public CaseFeedEntry(Guid caseId, CaseEventType eventType, DateTimeOffset at, CaseStatus status, int version)
    {
        CaseId = caseId;
        EventType = eventType;
        At = at;
        Status = status;
        Version = version;
    }

    /// <summary>Assigned by the database on insert (0 until saved).</summary>
    public long Sequence { get; private set; }

    public Guid CaseId { get; private set; }

    public CaseEventType EventType { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The case's status after the event.</summary>
    public CaseStatus Status { get; private set; }

    /// <summary>The case's version after the event (equal to the event's sequence within its case).</summary>
    public int Version { get; private set; }

    /// <summary>The feed row for a case event.</summary>
    public static CaseFeedEntry From(CaseEvent caseEvent)
    {
        ArgumentNullException.ThrowIfNull(caseEvent);
        return new CaseFeedEntry(caseEvent.CaseId, caseEvent.Type, caseEvent.At, caseEvent.ToStatus, caseEvent.Sequence);
    }
}
