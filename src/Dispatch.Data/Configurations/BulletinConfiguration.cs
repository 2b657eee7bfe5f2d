using Dispatch.Data.Bulletins;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dispatch.Data.Configurations;

internal sealed class BulletinConfiguration : IEntityTypeConfiguration<Bulletin>
{
    public void Configure(EntityTypeBuilder<Bulletin> builder)
    {
        builder.ToTable("bulletins");

        // The key is what makes production idempotent: a replica that stores a period another has stored
        // breaks it and knows the bulletin exists. Listing by kind reads it in first-day order.
        builder.HasKey(b => new { b.Kind, b.FirstDay });
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(ColumnLengths.Enum);
        builder.Property(b => b.TimeZone).HasMaxLength(Bulletin.TimeZoneMaxLength);
    }
}
