using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dispatch.Data.Migrations
{
    /// <inheritdoc />
    public partial class Bulletins : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bulletins",
                columns: table => new
                {
                    kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    first_day = table.Column<DateOnly>(type: "date", nullable: false),
                    period_from = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    period_to = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    time_zone = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    produced_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    csv = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    html = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bulletins", x => new { x.kind, x.first_day });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bulletins");
        }
    }
}
