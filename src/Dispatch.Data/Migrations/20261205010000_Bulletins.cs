using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dispatch.Data.Migrations;

/// <summary>The stored daily, weekly and monthly bulletins: one row per (kind, first day) holding both formats.</summary>
[DbContext(typeof(DispatchDbContext))]
[Migration("20261205010000_Bulletins")]
internal sealed class Bulletins : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "bulletins",
            columns: table =>
            {
                var c = new MigrationColumns(table, migrationBuilder.ActiveProvider);
                return new
                {
                    kind = c.Enum(),
                    first_day = table.Column<DateOnly>(nullable: false),
                    period_from = c.Timestamp(),
                    period_to = c.Timestamp(),
                    time_zone = table.Column<string>(maxLength: 64, nullable: false),
                    produced_at = c.Timestamp(),
                    csv = table.Column<byte[]>(nullable: false),
                    html = table.Column<byte[]>(nullable: false),
                };
            },
            constraints: table => table.PrimaryKey("pk_bulletins", x => new { x.kind, x.first_day }));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("bulletins");
}
