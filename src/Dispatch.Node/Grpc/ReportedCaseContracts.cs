using System.Runtime.CompilerServices;
using Domain = Dispatch.Domain;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Node.Grpc;

/// <summary>
/// The cases a ReportCase reply shows (the reported case and its possible duplicates), each converted to the
/// contract once per case object and shared by every reply that shows it. The reports of one writer batch get
/// their suggestions from one shared list (<see cref="Application.PossibleDuplicates"/>), so in a busy grid
/// each of a batch's replies showed the same ten cases, converted again for every reply: a third of the
/// memory the intake allocated (2026-11-29), and with it most of its garbage collections. The objects behind
/// a reply are read-only once the writer has committed the batch: cases loaded without tracking, and the
/// cases the batch added.
/// </summary>
internal static class ReportedCaseContracts
{
    private static readonly ConditionalWeakTable<Domain.Cases.Case, V1.Case> Converted = [];

    public static V1.Case For(Domain.Cases.Case source) => Converted.GetValue(source, static c => c.ToContract());
}
