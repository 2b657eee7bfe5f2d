using Dispatch.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dispatch.Data.Configurations;

/// <summary>
/// Table <c>case_events</c>: a case's append-only history, keyed (case_id, sequence). Rows are only
/// ever inserted, in the same transaction as the change of the case they record.
/// </summary>
internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("case_events");
        builder.HasKey(e => new { e.CaseId, e.Sequence });
        builder.Property(e => e.Sequence).ValueGeneratedNever();

        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(ColumnLengths.Enum);
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(ColumnLengths.Enum);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(ColumnLengths.Enum);
        builder.Property(e => e.Note).HasMaxLength(CaseLimits.NoteMaxLength);

        // Evaluation counts events of one type in a period (rework, breaches, supervision, ratings).
        builder.HasIndex(e => new { e.Type, e.At });

        // A complex property, not owned: the event shares its Assignee instance with the case, which an
        // owned entity could not, and nothing queries the history by assignee.
        builder.ComplexProperty(e => e.Assignee, assignee =>
            assignee.Property(a => a.Kind).HasConversion<string>().HasMaxLength(ColumnLengths.Enum));

        // Same storage as the case's evidence (see CaseConfiguration).
        builder.PrimitiveCollection(e => e.EvidenceRefs)
            .HasField("_evidenceRefs")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .ElementType(e => e.HasMaxLength(CaseLimits.EvidenceRefMaxLength));
    }
}
