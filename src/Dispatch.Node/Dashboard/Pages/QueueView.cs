using Dispatch.Domain.Cases;

namespace Dispatch.Node.Dashboard.Pages;

/// <summary>The queue's tabs: each is a set of statuses, one list query on the status index.</summary>
internal sealed record QueueView(string Key, string Title, IReadOnlyList<CaseStatus> Statuses)
{
    public static readonly QueueView Open = new("open", "All open", CaseLifecycle.OpenStatuses);

    public static readonly IReadOnlyList<QueueView> All =
    [
        new("new", "New", [CaseStatus.Reported]),
        new("unassigned", "Unassigned", [CaseStatus.Accepted]),
        new("working", "In progress", [CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Returned]),
        new("verify", "Awaiting verification", [CaseStatus.Resolved]),
        Open,
    ];

    /// <summary>The view a link names; all open cases when it names none (or one this page does not know).</summary>
    public static QueueView Of(string? key) => All.FirstOrDefault(v => v.Key == key) ?? Open;
}
