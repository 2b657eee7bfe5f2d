using Dispatch.Data.Configurations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dispatch.Data.Migrations;

/// <summary>
/// Three indexes of cases keep only the rows that have a value: the next alarm (running cases), the close
/// time (closed cases) and the origin (received escalations). A new report then writes three index entries
/// fewer, and the alarm index shrinks as cases close instead of growing with the node's history. Every
/// query that uses them compares the column, which implies it is not null, so both databases still use them.
/// </summary>
[DbContext(typeof(DispatchDbContext))]
[Migration("20261202000000_PartialIndexes")]
internal sealed class PartialIndexes : Migration
{
    private static readonly (string Name, string[] Columns, bool Unique)[] Indexes =
    [
        ("ix_cases_next_alarm_at", ["next_alarm_at"], false),
        ("ix_cases_closed_at", ["closed_at"], false),
        ("ix_cases_origin_node_id_origin_case_id", ["origin_node_id", "origin_case_id"], true),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var (name, columns, unique) in Indexes)
        {
            migrationBuilder.DropIndex(name, "cases");
            migrationBuilder.CreateIndex(name, "cases", columns, unique: unique, filter: CaseIndexes.NotNull(columns[0]));
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var (name, columns, unique) in Indexes)
        {
            migrationBuilder.DropIndex(name, "cases");
            migrationBuilder.CreateIndex(name, "cases", columns, unique: unique);
        }
    }
}
