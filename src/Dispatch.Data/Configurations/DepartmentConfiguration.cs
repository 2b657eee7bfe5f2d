using Dispatch.Domain.Directory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dispatch.Data.Configurations;

/// <summary>Table <c>departments</c>; the code is unique per node.</summary>
internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("departments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Code).HasMaxLength(DirectoryLimits.DepartmentCodeMaxLength);
        builder.Property(d => d.Name).HasMaxLength(DirectoryLimits.NameMaxLength);
        builder.HasIndex(d => d.Code).IsUnique();
    }
}
