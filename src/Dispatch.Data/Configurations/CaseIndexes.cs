using Dispatch.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dispatch.Data.Configurations;

/// <summary>
/// The indexes behind the command centre's queries. A list filter is paged newest first, so each filter
/// column is followed by the report time: the first page of any filter is an index range scan, not a sort.
/// The assignee index (kind, id; by department is kind = Department) is declared with the owned
/// assignee in <see cref="CaseConfiguration"/> and cannot carry the report time.
/// </summary>
internal static class CaseIndexes
{
    public static void Configure(EntityTypeBuilder<Case> builder)
    {
        // ReportCase is idempotent on the client's request id: a retry finds the case it created.
        builder.HasIndex(c => new { c.ReporterId, c.RequestId }).IsUnique();
        builder.HasIndex(c => c.Number).IsUnique();

        builder.HasIndex(c => new { c.Status, c.ReportedAt });
        builder.HasIndex(c => new { c.GridId, c.ReportedAt });
        builder.HasIndex(c => new { c.GridId, c.Status, c.ReportedAt });
        builder.HasIndex(c => new { c.AssigneeKind, c.AssigneeId, c.ReportedAt });
        builder.HasIndex(c => new { c.Overdue, c.ReportedAt });
        // The possible duplicates of a report: the newest open cases of its grid and category. Only open cases are
        // in it, so the lookup is one range read newest first, and a case leaves it when it is escalated or closed.
        builder.HasIndex(c => new { c.GridId, c.CategoryCode, c.ReportedAt }).HasFilter(OpenStatusFilter);
        builder.HasIndex(c => new { c.CategoryCode, c.ReportedAt });
        builder.HasIndex(c => new { c.Whistle, c.ReportedAt });
        builder.HasIndex(c => c.DueAt);

        // The deadline job's only query: what falls due by now, earliest first. Only cases with an alarm to
        // come are in it (a comparison implies the column is not null, so both databases use it): a closed
        // case leaves it, and it stays the size of the running work, not of the node's history.
        builder.HasIndex(c => c.NextAlarmAt).HasFilter(NotNull("next_alarm_at"));
        builder.HasIndex(c => c.ReportedAt);

        // Evaluation: the cases closed in a period (time to close, closed count). Only closed cases are in
        // it, so a report, which is never closed, writes no entry to it.
        builder.HasIndex(c => c.ClosedAt).HasFilter(NotNull("closed_at"));

        // The dashboard's escalations, newest first: those received from child nodes, and those sent to the parent.
        // Each holds only its own cases, so a node's own reports write no entry to either.
        builder.HasIndex(c => c.ReportedAt, EscalatedIn).HasFilter(NotNull("origin_node_id"));
        builder.HasIndex(c => c.ReportedAt, EscalatedOut).HasFilter(NotNull("escalated_to_node_id"));
    }

    public const string EscalatedIn = "ix_cases_escalated_in";

    public const string EscalatedOut = "ix_cases_escalated_out";

    /// <summary>
    /// The filter of the open-cases index (same SQL on both providers; statuses are stored by name), naming
    /// <see cref="CaseLifecycle.OpenStatuses"/> in their order. A query that is to read the index names the same list in
    /// the same order, as constants: SQLite uses a partial index only for a query whose conditions contain its filter
    /// term for term.
    /// </summary>
    public static readonly string OpenStatusFilter = $"status IN ({string.Join(", ", CaseLifecycle.OpenStatuses.Select(status => $"'{status}'"))})";

    /// <summary>The filter of a partial index over the rows where <paramref name="column"/> has a value (same SQL on both providers).</summary>
    public static string NotNull(string column) => $"{column} IS NOT NULL";
}
