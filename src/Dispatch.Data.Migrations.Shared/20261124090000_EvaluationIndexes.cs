using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dispatch.Data.Migrations;

/// <summary>
/// Indexes for evaluation and reports, which read one period at a time: events of one type in a period
/// (failed verifications, breaches, supervision orders, ratings) and the cases closed in a period. Without
/// them a daily report walks every event and case the node ever had.
/// </summary>
[DbContext(typeof(DispatchDbContext))]
[Migration("20261124090000_EvaluationIndexes")]
internal sealed class EvaluationIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex("ix_case_events_type_at", "case_events", ["type", "at"]);
        migrationBuilder.CreateIndex("ix_cases_closed_at", "cases", "closed_at");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("ix_cases_closed_at", "cases");
        migrationBuilder.DropIndex("ix_case_events_type_at", "case_events");
    }
}
