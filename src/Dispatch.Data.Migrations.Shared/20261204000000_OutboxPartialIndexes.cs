using Dispatch.Data.Configurations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dispatch.Data.Migrations;

/// <summary>
/// The relay's read of pending messages used the index of refusal times (null for nearly every row) and checked
/// each row after the last one it had read: once a second it reads from the start, and then it went through every
/// message ever sent (7,300 on a village after a minute at 100 escalations/s), growing without end. The outbox is
/// now indexed by sequence over the pending rows only, and over the refused rows for operators; the index of
/// delivery times, which no query read, is gone, so a delivery no longer moves an index entry.
/// </summary>
[DbContext(typeof(DispatchDbContext))]
[Migration("20261204000000_OutboxPartialIndexes")]
internal sealed class OutboxPartialIndexes : Migration
{
    private const string Table = "outbox_messages";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("ix_outbox_messages_delivered_at", Table);
        migrationBuilder.DropIndex("ix_outbox_messages_refused_at", Table);
        migrationBuilder.CreateIndex(OutboxIndexes.Pending, Table, "sequence", filter: OutboxIndexes.PendingFilter);
        migrationBuilder.CreateIndex(OutboxIndexes.Refused, Table, "sequence", filter: OutboxIndexes.RefusedFilter);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(OutboxIndexes.Refused, Table);
        migrationBuilder.DropIndex(OutboxIndexes.Pending, Table);
        migrationBuilder.CreateIndex("ix_outbox_messages_delivered_at", Table, "delivered_at");
        migrationBuilder.CreateIndex("ix_outbox_messages_refused_at", Table, "refused_at");
    }
}
