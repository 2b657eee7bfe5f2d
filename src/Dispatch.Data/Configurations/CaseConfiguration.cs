using Dispatch.Domain.Cases;
using Dispatch.Domain.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dispatch.Data.Configurations;

/// <summary>
/// Table <c>cases</c>: one row per case, its value objects flattened into columns. The history is its own
/// table (<see cref="CaseEventConfiguration"/>); <see cref="Case.Version"/> is the concurrency token.
/// </summary>
internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();

        builder.Property(c => c.Number).HasMaxLength(CaseLimits.NumberMaxLength);
        builder.Property(c => c.RequestId).HasMaxLength(CaseLimits.RequestIdMaxLength);
        builder.Property(c => c.Title).HasMaxLength(CaseLimits.TitleMaxLength);
        builder.Property(c => c.Description).HasMaxLength(CaseLimits.DescriptionMaxLength);
        builder.Property(c => c.CategoryCode).HasMaxLength(ColumnLengths.CategoryCode);
        builder.Property(c => c.GridId).HasConversion<GridIdConverter>().HasMaxLength(GridId.Length);
        // Value objects without identity: complex properties (columns location_*), not owned entities.
        builder.ComplexProperty(c => c.Location, location =>
            location.Property(l => l.Address).HasMaxLength(Location.AddressMaxLength));

        builder.Property(c => c.Whistle).HasConversion<string>().HasMaxLength(ColumnLengths.Enum);
        builder.Property(c => c.HandlingMode).HasConversion<string>().HasMaxLength(ColumnLengths.Enum);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(ColumnLengths.Enum);
        builder.Property(c => c.StatusBeforeDeferral).HasConversion<string>().HasMaxLength(ColumnLengths.Enum);

        // The assignee as two plain columns (the case keeps them as fields of their own): the command centre
        // lists cases by assignee newest first, and only plain columns can share an index with reported_at
        // (EF Core 10 indexes neither complex-type columns nor owned-type columns together with the owner's).
        builder.Ignore(c => c.Assignee);
        builder.Property(c => c.AssigneeKind).HasConversion<string>().HasMaxLength(ColumnLengths.Enum);

        // Ticks on both providers, so durations add up the same way in SQL on either.
        builder.Property(c => c.PausedTotal).HasConversion<long>();

        // JSON text on SQLite, a text[] array on PostgreSQL: read and written with their row, never
        // queried on their own, so a child table would only add a join to every load.
        builder.PrimitiveCollection(c => c.EvidenceRefs)
            .HasField("_evidenceRefs")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .ElementType(e => e.HasMaxLength(CaseLimits.EvidenceRefMaxLength));

        builder.Property(c => c.Version).IsConcurrencyToken();

        builder.HasMany(c => c.History).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);

        // Escalation: the child's link to its parent, and the parent's record of the origin, which is
        // unique so that a retried escalation never creates a second case.
        builder.Property(c => c.EscalatedToNodeId).HasMaxLength(CaseOrigin.NodeIdMaxLength);
        builder.Property(c => c.ParentStatus).HasConversion<string>().HasMaxLength(ColumnLengths.Enum);
        builder.OwnsOne(c => c.Origin, origin =>
        {
            // Keyed by the case's own id: left to convention, EF would take CaseOrigin.CaseId (the
            // child's case) as the link to the owner.
            origin.WithOwner().HasForeignKey("Id");
            origin.Property(o => o.NodeId).HasMaxLength(CaseOrigin.NodeIdMaxLength);
            origin.Property(o => o.CaseNumber).HasMaxLength(CaseLimits.NumberMaxLength);
            // Only received escalations have an origin: a node's own reports write no entry.
            origin.HasIndex(o => new { o.NodeId, o.CaseId }).IsUnique().HasFilter(CaseIndexes.NotNull("origin_node_id"));
            // A case is looked up by the number the child gave it (GetCase, the list's text filter); not unique, as
            // children number independently.
            origin.HasIndex(o => o.CaseNumber).HasFilter(CaseIndexes.NotNull("origin_case_number"));
        });

        // Added to a table that may hold cases already: a default of false on both providers.
        builder.Property(c => c.Reminded).HasDefaultValue(false);
        builder.Property(c => c.SupervisionBreached).HasDefaultValue(false);

        builder.Ignore(c => c.IsOpen);
        builder.Ignore(c => c.ClockRuns);
        CaseIndexes.Configure(builder);
    }
}
