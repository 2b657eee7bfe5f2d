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
        builder.HasIndex(m => m.DeliveredAt);
        builder.HasIndex(m => m.RefusedAt);
        builder.Ignore(m => m.IsRefused);
    }
}
