using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dispatch.Data.Migrations;

/// <summary>
/// Indexes for the command centre's slowest lists at a million cases: a department's or worker's cases
/// newest first (the assignee index now ends in reported_at, so a page is a range instead of a sort of
/// every case the department ever had), a grid's cases in one status newest first (a grid worker's
/// open cases), overdue cases newest first, and the open cases of a grid and category by status newest first
/// (the possible duplicates every report returns).
/// </summary>
[DbContext(typeof(DispatchDbContext))]
[Migration("20261124020000_ListIndexes")]
internal sealed class ListIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("ix_cases_assignee_kind_assignee_id", "cases");
        migrationBuilder.CreateIndex("ix_cases_assignee_kind_assignee_id_reported_at", "cases", ["assignee_kind", "assignee_id", "reported_at"]);
        migrationBuilder.CreateIndex("ix_cases_grid_id_status_reported_at", "cases", ["grid_id", "status", "reported_at"]);
        migrationBuilder.CreateIndex("ix_cases_overdue_reported_at", "cases", ["overdue", "reported_at"]);
        migrationBuilder.CreateIndex("ix_cases_grid_id_category_code_status_reported_at", "cases", ["grid_id", "category_code", "status", "reported_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("ix_cases_grid_id_category_code_status_reported_at", "cases");
        migrationBuilder.DropIndex("ix_cases_overdue_reported_at", "cases");
        migrationBuilder.DropIndex("ix_cases_grid_id_status_reported_at", "cases");
        migrationBuilder.DropIndex("ix_cases_assignee_kind_assignee_id_reported_at", "cases");
        migrationBuilder.CreateIndex("ix_cases_assignee_kind_assignee_id", "cases", ["assignee_kind", "assignee_id"]);
    }
}
