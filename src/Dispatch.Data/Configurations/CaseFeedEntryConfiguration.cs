using Dispatch.Data.Feed;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dispatch.Data.Configurations;

/// <summary>
/// Table <c>case_feed</c>: the node-wide, append-only event feed. The sequence is database-generated
/// (SQLite AUTOINCREMENT, never reused; PostgreSQL identity), so it only grows.
/// </summary>
internal sealed class CaseFeedEntryConfiguration : IEntityTypeConfiguration<CaseFeedEntry>
{
    public void Configure(EntityTypeBuilder<CaseFeedEntry> builder)
    {
        builder.ToTable("case_feed");
        builder.HasKey(f => f.Sequence);
        builder.Property(f => f.Sequence).ValueGeneratedOnAdd().UseAutoincrement();
        builder.Property(f => f.EventType).HasConversion<string>().HasMaxLength(ColumnLengths.Enum);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(ColumnLengths.Enum);
    }
}
