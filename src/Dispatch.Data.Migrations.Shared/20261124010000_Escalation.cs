using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dispatch.Data.Migrations;

/// <summary>Escalation between tiers: the cases' parent link and origin, the outbox, the parent cursor.</summary>
[DbContext(typeof(DispatchDbContext))]
[Migration("20261124010000_Escalation")]
internal sealed class Escalation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("escalated_to_node_id", "cases", maxLength: 64, nullable: true);
        migrationBuilder.AddColumn<Guid>("parent_case_id", "cases", nullable: true);
        migrationBuilder.AddColumn<string>("parent_status", "cases", maxLength: MigrationColumns.EnumLength, nullable: true);
        migrationBuilder.AddColumn<string>("origin_node_id", "cases", maxLength: 64, nullable: true);
        migrationBuilder.AddColumn<Guid>("origin_case_id", "cases", nullable: true);
        migrationBuilder.AddColumn<string>("origin_case_number", "cases", maxLength: 32, nullable: true);
        migrationBuilder.CreateIndex("ix_cases_origin_node_id_origin_case_id", "cases", ["origin_node_id", "origin_case_id"], unique: true);

        migrationBuilder.CreateTable(
            name: "outbox_messages",
            columns: table =>
            {
                var c = new MigrationColumns(table, migrationBuilder.ActiveProvider);
                return new
                {
                    sequence = c.Identity(),
                    kind = c.Enum(),
                    case_id = table.Column<Guid>(nullable: false),
                    payload = table.Column<byte[]>(nullable: false),
                    created_at = c.Timestamp(),
                    delivered_at = c.Timestamp(nullable: true),
                    attempts = table.Column<int>(nullable: false),
                };
            },
            constraints: table => table.PrimaryKey("pk_outbox_messages", x => x.sequence));
        migrationBuilder.CreateIndex("ix_outbox_messages_delivered_at", "outbox_messages", "delivered_at");

        migrationBuilder.CreateTable(
            name: "parent_cursors",
            columns: table => new
            {
                parent_node_id = table.Column<string>(maxLength: 64, nullable: false),
                last_sequence = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_parent_cursors", x => x.parent_node_id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("parent_cursors");
        migrationBuilder.DropTable("outbox_messages");
        migrationBuilder.DropIndex("ix_cases_origin_node_id_origin_case_id", "cases");

        // SQLite cannot drop columns from a hand-written migration; they go when the table does.
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            return;
        }

        foreach (var column in new[] { "origin_case_number", "origin_case_id", "origin_node_id", "parent_status", "parent_case_id", "escalated_to_node_id" })
        {
            migrationBuilder.DropColumn(column, "cases");
        }
    }
}
