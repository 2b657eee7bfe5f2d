using Dispatch.Domain.Cases;

namespace Dispatch.Application.Open311;

/// <summary>
/// A case's status in GeoReport v2's two words, with a public note. Open while someone still has to act: reported,
/// accepted, assigned, in progress, resolved (waiting for verification), returned for rework, deferred, and escalated
/// (the tier above handles it; its status once the parent reports it). Closed: closed (verified), rejected, merged into
/// another case (the note names neither the reasons nor people: those are the command centre's internal notes).
/// </summary>
internal static class Open311Status
{
    public const string Open = "open";
    public const string Closed = "closed";

    public static string Of(Case @case) => IsOpen(Effective(@case)) ? Open : Closed;

    public static bool IsOpen(CaseStatus status) => status is not (CaseStatus.Closed or CaseStatus.Rejected or CaseStatus.Merged);

    /// <summary>The statuses a filter on <paramref name="open"/> takes.</summary>
    public static IReadOnlyList<CaseStatus> Statuses(bool open) => [.. Enum.GetValues<CaseStatus>().Where(s => IsOpen(s) == open)];

    public static string Notes(Case @case) => Effective(@case) switch
    {
        CaseStatus.Reported => "Received; waiting for the command centre.",
        CaseStatus.Accepted => "Accepted by the command centre.",
        CaseStatus.Assigned => "Assigned for handling.",
        CaseStatus.InProgress => "Being handled.",
        CaseStatus.Resolved => "Handled; waiting for verification.",
        CaseStatus.Returned => "Verification failed; handled again.",
        CaseStatus.Deferred => "On hold until a later date.",
        CaseStatus.Escalated => "Passed to the command centre of the tier above.",
        CaseStatus.Closed => "Fixed and verified.",
        CaseStatus.Rejected => "Not taken up by the command centre.",
        CaseStatus.Merged => "Merged into another report of the same problem.",
        var other => other.ToString(),
    };

    /// <summary>An escalated case reads as its parent's copy does, once the parent has told.</summary>
    private static CaseStatus Effective(Case @case) =>
        @case.Status == CaseStatus.Escalated && @case.ParentStatus is { } parent ? parent : @case.Status;
}
