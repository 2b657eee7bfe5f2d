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
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    first_day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    period_from = table.Column<long>(type: "INTEGER", nullable: false),
                    period_to = table.Column<long>(type: "INTEGER", nullable: false),
                    time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    produced_at = table.Column<long>(type: "INTEGER", nullable: false),
                    csv = table.Column<byte[]>(type: "BLOB", nullable: false),
                    html = table.Column<byte[]>(type: "BLOB", nullable: false)
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
