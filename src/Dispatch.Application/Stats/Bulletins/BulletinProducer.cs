using Dispatch.Application.Stats.Reports;
using Dispatch.Data;
using Dispatch.Data.Bulletins;
using Dispatch.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Stats.Bulletins;

/// <summary>
/// Produces the bulletins, as the node itself (no user): for each kind, every completed period within the catch-up
/// window (<see cref="BulletinSchedule.CatchUp"/>) that ends after the node's first case and is not stored yet is
/// built once, rendered as CSV and HTML, and stored. Before the first case there is nothing to report, so a new node
/// starts producing with its first case rather than filling the window with empty bulletins. Running it again is a
/// no-op, and replicas may run it at once: the key (kind, first day) admits one row, and a replica whose insert breaks
/// it knows another has stored that bulletin.
/// </summary>
internal sealed partial class BulletinProducer(
    IDbContextFactory<DispatchDbContext> contexts,
    StatsReports reports,
    ReportCalendar calendar,
    TimeProvider clock,
    ILogger<BulletinProducer> logger)
{
    /// <summary>
    /// A scheduler may start a job slightly before its time (Hangfire keeps due times in whole seconds and can start a
    /// job up to a second early). A run started this close before the end of a period waits for the end, so the period
    /// just ending is produced now rather than by the next run.
    /// </summary>
    private static readonly TimeSpan EarlyStart = TimeSpan.FromSeconds(5);

    /// <summary>Every kind (the catch-up at start): the periods stored by this call, oldest first per kind.</summary>
    public async Task<IReadOnlyList<ReportPeriod>> ProduceDueAsync(CancellationToken cancellationToken)
    {
        var produced = new List<ReportPeriod>();
        foreach (var job in BulletinSchedule.RecurringJobs)
        {
            produced.AddRange(await ProduceDueAsync(job.Kind, cancellationToken));
        }

        return produced;
    }

    /// <summary>One kind (its recurring job at the end of each period): the periods stored by this call, oldest first.</summary>
    public async Task<IReadOnlyList<ReportPeriod>> ProduceDueAsync(ReportKind kind, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a report kind.");
        }

        var now = await PeriodEndIfCloseAsync(kind, cancellationToken);
        List<ReportPeriod> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var firstCase = await db.Cases.AsNoTracking().OrderBy(c => c.ReportedAt).Select(c => (DateTimeOffset?)c.ReportedAt).FirstOrDefaultAsync(cancellationToken);
            var window = firstCase is { } first
                ? calendar.Completed(kind, now, BulletinSchedule.CatchUp(kind)).Where(p => p.To > first).ToList()
                : [];
            if (window.Count == 0)
            {
                return [];
            }

            var oldest = window[^1].FirstDay;
            var stored = await db.Bulletins.AsNoTracking().Where(b => b.Kind == kind && b.FirstDay >= oldest).Select(b => b.FirstDay).ToListAsync(cancellationToken);
            due = [.. window.Where(p => !stored.Contains(p.FirstDay)).Reverse()];
        }

        var produced = new List<ReportPeriod>();
        foreach (var period in due)
        {
            if (await ProduceAsync(period, cancellationToken))
            {
                produced.Add(period);
            }
        }

        return produced;
    }

    /// <summary>Now, or the end of the running period when that is only moments away (waited for on the node's clock).</summary>
    private async Task<DateTimeOffset> PeriodEndIfCloseAsync(ReportKind kind, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var left = calendar.Current(kind, now).To - now;
        if (left <= EarlyStart)
        {
            await Task.Delay(left, clock, cancellationToken);
            now = clock.GetUtcNow();
        }

        return now;
    }

    /// <summary>Builds and stores one bulletin; false when another run stored it first.</summary>
    private async Task<bool> ProduceAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var report = await reports.ComposeAsync(period, cancellationToken);
        var at = clock.GetUtcNow();
        var bulletin = new Bulletin(
            period.Kind,
            period.FirstDay,
            period.From,
            period.To,
            calendar.TimeZoneId,
            at,
            ReportFile.Render(report, ReportFormat.Csv, at).Content,
            ReportFile.Render(report, ReportFormat.Html, at).Content);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Bulletins.Add(bulletin);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            LogStoredElsewhere(logger, period.Kind, period.FirstDay);
            return false;
        }

        LogProduced(logger, period.Kind, ReportCalendar.DaysOf(period), bulletin.Csv.Length, bulletin.Html.Length);
        return true;
    }

    [LoggerMessage(1, LogLevel.Information, "Bulletin produced: {Kind} {Days} (CSV {CsvBytes} bytes, HTML {HtmlBytes} bytes).")]
    private static partial void LogProduced(ILogger logger, ReportKind kind, string days, int csvBytes, int htmlBytes);

    [LoggerMessage(2, LogLevel.Information, "Bulletin {Kind} {FirstDay} was stored by another run meanwhile; keeping that one.")]
    private static partial void LogStoredElsewhere(ILogger logger, ReportKind kind, DateOnly firstDay);
}
