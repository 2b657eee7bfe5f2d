using Dispatch.Domain.Directory;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dispatch.Data.Configurations;

/// <summary>
/// Table <c>routing_rules</c>, keyed by category and grid scope. The scope is the grid's id or an empty string for
/// any grid, never NULL: a key column cannot be NULL, and a unique index over a nullable column would let two
/// any-grid rules for one category in on every provider (NULLs are distinct, and SQL Server's index filters them
/// out). So the key also serves accept's lookup of a case's (at most four) candidate rules. The department is a
/// foreign key, like a handler's.
/// </summary>
internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> builder)
    {
        builder.ToTable("routing_rules");
        builder.HasKey(r => new { r.CategoryCode, r.GridScope });
        builder.Property(r => r.CategoryCode).HasMaxLength(ColumnLengths.CategoryCode);
        builder.Property(r => r.GridScope).HasMaxLength(GridId.Length);
        builder.Ignore(r => r.GridId);
        builder.Ignore(r => r.AppliesToAnyGrid);
        builder.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
