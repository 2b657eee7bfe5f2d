using Dispatch.Data.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dispatch.Data.Configurations;

internal sealed class NodeSettingConfiguration : IEntityTypeConfiguration<NodeSetting>
{
    public void Configure(EntityTypeBuilder<NodeSetting> builder)
    {
        builder.ToTable("node_settings");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(NodeSetting.KeyMaxLength);
    }
}
