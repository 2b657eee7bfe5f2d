using System.Diagnostics;
using System.Globalization;

namespace Dispatch.Node.Bench;

/// <summary>
/// The figures of one <c>escalate-latency</c> run: per hop, end to end and the user-facing calls, over
/// the escalations scheduled in the measured window; then what did not arrive, and one summary line
/// for scripts.
/// </summary>
internal sealed class EscalationLatencyReport(
    IReadOnlyList<EscalationChainItem> items, EscalationLatencyOptions options, int shed, int backlog, TimeSpan drained)
{
    private readonly List<EscalationChainItem> _measured = items.Where(item => item.Measured).ToList();

    public bool AllDelivered => shed == 0 && items.All(item => item.Error is null && item.DistrictSeen != 0);

    public void Print(TextWriter output)
    {
        var villageCalls = Span(item => item.ScheduledAt, item => item.VillageEscalated);
        var toTown = Span(item => item.VillageEscalated, item => item.TownSeen);
        var townCalls = Span(item => item.TownEscalateSent, item => item.TownEscalated);
        var toDistrict = Span(item => item.TownEscalated, item => item.DistrictSeen);
        var endToEnd = Span(item => item.VillageEscalated, item => item.DistrictSeen);

        var escalated = _measured.Where(item => item.VillageEscalated != 0).ToList();
        var achieved = escalated.Count == 0 ? 0 : escalated.Count /
            Stopwatch.GetElapsedTime(_measured[0].ScheduledAt, escalated.Max(item => item.VillageEscalated)).TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"escalate-latency: offered {options.Rate}/s for {options.Duration.TotalSeconds:F0} s after {options.Warmup.TotalSeconds:F0} s warm-up; " +
            $"{_measured.Count} measured, escalated at the village at {achieved:F1}/s, {shed} shed (skipped while {EscalationLatencyLoad.MaxInFlight} were in flight)"));
        output.WriteLine("escalate-latency: | stage | n | p50 ms | p90 ms | p99 ms | max ms |");
        Row(output, "village: ReportCase + EscalateCase, from the scheduled start", villageCalls);
        Row(output, "hop village -> town (village reply -> on the town's WatchCases)", toTown);
        Row(output, "town: EscalateCase by the town dispatcher", townCalls);
        Row(output, "hop town -> district (town reply -> on the district's WatchCases)", toDistrict);
        Row(output, "end to end (village reply -> on the district's WatchCases)", endToEnd);

        var errors = items.Where(item => item.Error is not null).ToList();
        var notAtTown = items.Count(item => item.VillageEscalated != 0 && item.TownSeen == 0);
        var notAtDistrict = items.Count(item => item.TownEscalated != 0 && item.DistrictSeen == 0);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"escalate-latency: backlog when the window closed: {backlog} escalated at the village but not yet at the town; " +
            $"after {drained.TotalSeconds:F1} s: {notAtTown} not at the town, {notAtDistrict} not at the district, {errors.Count} errors"));
        if (errors.Count > 0)
        {
            output.WriteLine($"escalate-latency: first error: {errors[0].Error}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"summary rate={options.Rate} achieved={achieved:F1} shed={shed} backlog={backlog} errors={errors.Count} " +
            $"undelivered={notAtTown + notAtDistrict} village_p99={Ms(villageCalls, 0.99)} town_p50={Ms(toTown, 0.50)} town_p99={Ms(toTown, 0.99)} " +
            $"district_p50={Ms(toDistrict, 0.50)} district_p99={Ms(toDistrict, 0.99)} e2e_p50={Ms(endToEnd, 0.50)} e2e_p99={Ms(endToEnd, 0.99)} e2e_max={EscalationLatencyLoad.Ms(endToEnd.MaxMilliseconds)}"));
    }

    // A stream notice can beat the reply of the call that caused it to the client; that counts as 0.
    private LatencySummary Span(Func<EscalationChainItem, long> from, Func<EscalationChainItem, long> to) =>
        new(_measured.Where(item => from(item) != 0 && to(item) != 0).Select(item => Math.Max(0, to(item) - from(item))));

    private static string Ms(LatencySummary summary, double quantile) => EscalationLatencyLoad.Ms(summary.Milliseconds(quantile));

    private static void Row(TextWriter output, string stage, LatencySummary summary) =>
        output.WriteLine($"escalate-latency: | {stage} | {summary.Count} | {Ms(summary, 0.50)} | {Ms(summary, 0.90)} | {Ms(summary, 0.99)} | {EscalationLatencyLoad.Ms(summary.MaxMilliseconds)} |");
}
