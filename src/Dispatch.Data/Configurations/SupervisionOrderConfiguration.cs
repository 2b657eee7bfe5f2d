using Dispatch.Domain.Cases;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dispatch.Data.Configurations;

/// <summary>
/// Table <c>supervision_orders</c>: orders this node owns (its cases' breaches and summons) and copies of
/// the orders its child nodes opened for it to supervise. The case is referenced by id only: at the
/// supervising tier it lives on another node.
/// </summary>
internal sealed class SupervisionOrderConfiguration : IEntityTypeConfiguration<SupervisionOrder>
{
    public void Configure(EntityTypeBuilder<SupervisionOrder> builder)
    {
        builder.ToTable("supervision_orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(ColumnLengths.Enum);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(ColumnLengths.Enum);
        builder.Property(o => o.CaseNumber).HasMaxLength(CaseLimits.NumberMaxLength);
        builder.Property(o => o.CaseTitle).HasMaxLength(CaseLimits.TitleMaxLength);
        builder.Property(o => o.GridId).HasMaxLength(GridId.Length);
        builder.Property(o => o.CategoryCode).HasMaxLength(ColumnLengths.CategoryCode);
        builder.Property(o => o.CaseNodeId).HasMaxLength(CaseOrigin.NodeIdMaxLength);
        builder.Property(o => o.SupervisorNodeId).HasMaxLength(CaseOrigin.NodeIdMaxLength);
        builder.Property(o => o.Reason).HasMaxLength(SupervisionOrder.ReasonMaxLength);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.IsOpen);

        builder.HasIndex(o => o.CaseId);
        builder.HasIndex(o => new { o.Status, o.OpenedAt });
        builder.HasIndex(o => new { o.DepartmentId, o.Status });
        builder.HasIndex(o => o.NextAlarmAt);
    }
}
