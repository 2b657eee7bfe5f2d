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
    }
}
