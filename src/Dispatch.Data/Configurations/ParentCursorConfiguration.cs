using Dispatch.Data.Escalation;
using Dispatch.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dispatch.Data.Configurations;

internal sealed class ParentCursorConfiguration : IEntityTypeConfiguration<ParentCursor>
{
    public void Configure(EntityTypeBuilder<ParentCursor> builder)
    {
        builder.ToTable("parent_cursors");
        builder.HasKey(c => c.ParentNodeId);
        builder.Property(c => c.ParentNodeId).HasMaxLength(CaseOrigin.NodeIdMaxLength);
    }
}
