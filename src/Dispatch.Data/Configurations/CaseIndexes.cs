using Dispatch.Domain.Cases;
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
        builder.HasIndex(c => new { c.GridId, c.CategoryCode, c.Status, c.ReportedAt });
        builder.HasIndex(c => new { c.CategoryCode, c.ReportedAt });
        builder.HasIndex(c => new { c.Whistle, c.ReportedAt });
        builder.HasIndex(c => c.DueAt);

        // The deadline job's only query: what falls due by now, earliest first.
        builder.HasIndex(c => c.NextAlarmAt);
        builder.HasIndex(c => c.ReportedAt);

        // Evaluation: the cases closed in a period (time to close, closed count).
        builder.HasIndex(c => c.ClosedAt);
    }
}
