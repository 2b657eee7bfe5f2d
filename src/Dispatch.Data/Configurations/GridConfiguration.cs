using Dispatch.Domain.Directory;
using Dispatch.Domain.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dispatch.Data.Configurations;

/// <summary>Table <c>grids</c>, keyed by the 15-digit grid id.</summary>
internal sealed class GridConfiguration : IEntityTypeConfiguration<Grid>
{
    public void Configure(EntityTypeBuilder<Grid> builder)
    {
        builder.ToTable("grids");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).HasConversion<GridIdConverter>().HasMaxLength(GridId.Length).ValueGeneratedNever();
        builder.Property(g => g.Name).HasMaxLength(DirectoryLimits.NameMaxLength);

        // The extent: four nullable columns (extent_south, ...), read and written through the grid's fields.
        builder.Ignore(g => g.Extent);
        foreach (var edge in new[] { "South", "West", "North", "East" })
        {
            builder.Property<double?>("_extent" + edge).HasColumnName("extent_" + edge.ToLowerInvariant());
        }
    }
}
