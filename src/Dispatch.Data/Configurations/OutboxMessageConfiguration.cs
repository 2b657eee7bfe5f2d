using Dispatch.Data.Escalation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dispatch.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Sequence);
        builder.Property(m => m.Sequence).ValueGeneratedOnAdd().UseAutoincrement();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(ColumnLengths.Enum);
        builder.Property(m => m.RefusalCode).HasMaxLength(ColumnLengths.Enum);
        builder.Property(m => m.RefusalMessage).HasMaxLength(OutboxMessage.RefusalMessageMaxLength);
        builder.Property(m => m.RefusedBy).HasMaxLength(OutboxMessage.NodeIdMaxLength);
        builder.Property(m => m.TraceParent).HasMaxLength(OutboxMessage.TraceParentMaxLength);

        // Both indexes hold only the rows their reader asks for, so neither grows with the delivered history:
        // the relay reads the pending messages by sequence (and from the start once a second), operators the
        // refused ones. A new message adds one entry, its delivery removes it.
        builder.HasIndex(m => m.Sequence, OutboxIndexes.Pending).HasFilter(OutboxIndexes.PendingFilter);
        builder.HasIndex(m => m.Sequence, OutboxIndexes.Refused).HasFilter(OutboxIndexes.RefusedFilter);
        builder.Ignore(m => m.IsRefused);
    }
}
