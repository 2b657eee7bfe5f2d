using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dispatch.Data.Migrations;

/// <summary>
/// The first schema: cases, their history, the case feed and the directory. Written by hand (the EF
/// design-time package cannot be restored here); a test compares the schema it creates with the one
/// EF creates from the model, on SQLite and on PostgreSQL.
/// </summary>
[DbContext(typeof(DispatchDbContext))]
[Migration("20261124000000_Initial")]
internal sealed partial class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        CreateCases(migrationBuilder);
        CreateCaseEvents(migrationBuilder);
        CreateCaseFeed(migrationBuilder);
        CreateDirectory(migrationBuilder);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "users");
        migrationBuilder.DropTable(name: "departments");
        migrationBuilder.DropTable(name: "grids");
        migrationBuilder.DropTable(name: "case_feed");
        migrationBuilder.DropTable(name: "case_events");
        migrationBuilder.DropTable(name: "cases");
    }
}
