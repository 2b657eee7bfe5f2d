namespace Dispatch.Domain.Cases;

/// <summary>
/// One entry of a case's append-only history. Created only by <see cref="Case"/>; never changed.
/// (CaseId, Sequence) is unique: Sequence counts from 1 within the case and equals the case's
/// <see cref="Case.Version"/> right after the change it records.
/// </summary>
public sealed class CaseEvent
{
    private readonly List<string> _evidenceRefs = [];

    // For EF Core.
    private CaseEvent()
    {
    }

    internal CaseEvent(Case source, CaseEventType type, Guid? actorId, DateTimeOffset at, CaseStatus? fromStatus, string? note, IEnumerable<string> evidenceRefs, int? satisfaction)
    {
        CaseId = source.Id;
        Sequence = source.Version;
        Type = type;
        ActorId = actorId;
        At = at;
        FromStatus = fromStatus;
        ToStatus = source.Status;
        Note = note;
        _evidenceRefs.AddRange(evidenceRefs);
        // A copy: EF Core may map Assignee as an owned type, and an owned instance must have one owner.
        Assignee = source.Assignee is { } assignee ? assignee with { } : null;
        DueAt = source.DueAt;
        Satisfaction = satisfaction;
    }

    public Guid CaseId { get; private set; }

    public int Sequence { get; private set; }

    public CaseEventType Type { get; private set; }

    /// <summary>Who did it; null when the platform itself did (deadline changes, overdue marks).</summary>
    public Guid? ActorId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Status before the change; null for the first event (the report).</summary>
    public CaseStatus? FromStatus { get; private set; }

    /// <summary>Status after the change; equal to <see cref="FromStatus"/> when the status did not change.</summary>
    public CaseStatus ToStatus { get; private set; }

    /// <summary>The note or reason given with the change, if any.</summary>
    public string? Note { get; private set; }

    /// <summary>Evidence references (URLs or content hashes) given with this change.</summary>
    public IReadOnlyList<string> EvidenceRefs => _evidenceRefs.AsReadOnly();

    /// <summary>The case's assignee after the change.</summary>
    public Assignee? Assignee { get; private set; }

    /// <summary>The case's deadline after the change.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>The rating given, on <see cref="CaseEventType.CaseRated"/> events.</summary>
    public int? Satisfaction { get; private set; }

    /// <summary>Replaces the note of an event that has not been stored yet (the case is being created).</summary>
    internal void AmendNote(string note) => Note = note;
}
