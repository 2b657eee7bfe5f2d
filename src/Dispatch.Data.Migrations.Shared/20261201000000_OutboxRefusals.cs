using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dispatch.Data.Migrations;

/// <summary>
/// Outbox messages the parent refused for good: when, its status code and message, and which node refused
/// (indexed by the refusal time: operators list them, the relay leaves them alone).
/// </summary>
[DbContext(typeof(DispatchDbContext))]
[Migration("20261201000000_OutboxRefusals")]
internal sealed class OutboxRefusals : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            migrationBuilder.AddColumn<long>("refused_at", "outbox_messages", nullable: true);
        }
        else
        {
            migrationBuilder.AddColumn<DateTimeOffset>("refused_at", "outbox_messages", nullable: true);
        }

        migrationBuilder.AddColumn<string>("refusal_code", "outbox_messages", maxLength: MigrationColumns.EnumLength, nullable: true);
        migrationBuilder.AddColumn<string>("refusal_message", "outbox_messages", maxLength: 1000, nullable: true);
        migrationBuilder.AddColumn<string>("refused_by", "outbox_messages", maxLength: 64, nullable: true);
        migrationBuilder.CreateIndex("ix_outbox_messages_refused_at", "outbox_messages", "refused_at");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("ix_outbox_messages_refused_at", "outbox_messages");

        // SQLite cannot drop columns from a hand-written migration; they go when the table does.
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            return;
        }

        foreach (var column in new[] { "refused_by", "refusal_message", "refusal_code", "refused_at" })
        {
            migrationBuilder.DropColumn(column, "outbox_messages");
        }
    }
}
