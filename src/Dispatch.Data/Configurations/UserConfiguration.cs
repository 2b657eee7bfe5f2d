using Dispatch.Domain.Directory;
using Dispatch.Domain.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dispatch.Data.Configurations;

/// <summary>
/// Table <c>users</c>; the sign-in name is unique per node. A handler's department is a foreign key
/// (a department with users cannot be deleted). The grid ids are a column of their own, like evidence
/// references: a handful per user, always read with the user to build the sign-in scope.
/// </summary>
internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.UserName).HasMaxLength(DirectoryLimits.UserNameMaxLength);
        builder.Property(u => u.DisplayName).HasMaxLength(DirectoryLimits.DisplayNameMaxLength);
        builder.Property(u => u.Role).HasConversion<string>().HasMaxLength(ColumnLengths.Enum);
        builder.Property(u => u.PasswordHash).HasMaxLength(DirectoryLimits.PasswordHashMaxLength);
        builder.HasIndex(u => u.UserName).IsUnique();

        // The default lets the column be added to a table that has users already (SQLite needs one for NOT NULL).
        builder.Property(u => u.FailedSignIns).HasDefaultValue(0);

        builder.PrimitiveCollection(u => u.GridIds)
            .HasField("_gridIds")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .ElementType(e => e.HasConversion<GridIdConverter>().HasMaxLength(GridId.Length));

        builder.HasOne<Department>().WithMany().HasForeignKey(u => u.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
