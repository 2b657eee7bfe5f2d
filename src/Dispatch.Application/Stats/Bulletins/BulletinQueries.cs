using System.Globalization;
using Dispatch.Application.Errors;
using Dispatch.Application.Security;
using Dispatch.Application.Stats.Reports;
using Dispatch.Data;
using Dispatch.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Stats.Bulletins;

/// <summary>
/// The stored bulletins, for the command centre (who may read reports may read bulletins). Listed newest first:
/// by first day, the latest first; of those starting on the same day, the longer period first (month, week, day).
/// </summary>
internal sealed class BulletinQueries(IDbContextFactory<DispatchDbContext> contexts, ReportCalendar calendar, TimeProvider clock)
{
    public async Task<(IReadOnlyList<BulletinSummary> Bulletins, string NextPageToken)> ListAsync(
        CallerIdentity caller, BulletinFilter filter, CancellationToken cancellationToken)
    {
        StatsPermissions.EnsureCan(caller, "ListBulletins");
        if (filter.Kind is { } wanted && !Enum.IsDefined(wanted))
        {
            throw new InvalidRequestException("kind", "must be DAILY, WEEKLY, MONTHLY, or unspecified for every kind.");
        }

        var after = Decode(filter.PageToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Bulletins.AsNoTracking();
        if (filter.Kind is { } kind)
        {
            query = query.Where(b => b.Kind == kind);
        }

        // (first day, end) is unique: periods of different kinds starting on one day end on different days.
        if (after is var (day, to))
        {
            query = query.Where(b => b.FirstDay < day || (b.FirstDay == day && b.PeriodTo < to));
        }

        var page = await query
            .OrderByDescending(b => b.FirstDay).ThenByDescending(b => b.PeriodTo)
            .Take(filter.PageSize + 1)
            .Select(b => new BulletinSummary(b.Kind, b.FirstDay, b.PeriodFrom, b.PeriodTo, b.TimeZone, b.ProducedAt, b.Csv.Length, b.Html.Length))
            .ToListAsync(cancellationToken);
        var next = "";
        if (page.Count > filter.PageSize)
        {
            page.RemoveAt(page.Count - 1);
            next = string.Create(CultureInfo.InvariantCulture, $"{page[^1].FirstDay:yyyy-MM-dd}.{page[^1].To.UtcTicks}");
        }

        return (page, next);
    }

    /// <summary>
    /// One format of the bulletin of the period holding the request's date, as it was produced. NOT_FOUND says
    /// whether the period has not ended yet or ended without a bulletin being produced.
    /// </summary>
    public async Task<StoredBulletin> GetAsync(CallerIdentity caller, ReportRequest request, CancellationToken cancellationToken)
    {
        StatsPermissions.EnsureCan(caller, "GetBulletin");
        var (kind, date, format) = request.Parse();
        var period = calendar.Holding(kind, date);
        var csv = format == ReportFormat.Csv;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.Bulletins.AsNoTracking()
            .Where(b => b.Kind == kind && b.FirstDay == period.FirstDay)
            .Select(b => new { b.PeriodFrom, b.PeriodTo, b.ProducedAt, Content = csv ? b.Csv : b.Html })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            throw new NotFoundException(NotProducedMessage(period));
        }

        // The period as stored: the report time zone may have changed since.
        var file = ReportFile.Of(period with { From = found.PeriodFrom, To = found.PeriodTo }, format, found.Content);
        return new StoredBulletin(file, found.ProducedAt);
    }

    private string NotProducedMessage(ReportPeriod period)
    {
        var what = $"The {period.Kind.ToString().ToLowerInvariant()} bulletin of {ReportCalendar.DaysOf(period)}";
        return period.To > clock.GetUtcNow()
            ? $"{what} is not produced yet: the period ends at {TimeZoneInfo.ConvertTime(period.To, calendar.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} ({calendar.TimeZoneId}). GetReport builds a report of it so far."
            : $"{what} was not produced: bulletins are produced as their periods end, from the node's first case on, and a node that was down catches up {BulletinSchedule.CatchUpText}. GetReport builds a report of it now.";
    }

    /// <summary>A page token: the first day and end of the last bulletin on the previous page.</summary>
    private static (DateOnly FirstDay, DateTimeOffset To)? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var parts = token.Split('.');
        return parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? (day, new DateTimeOffset(ticks, TimeSpan.Zero))
            : throw new InvalidRequestException("page_token", "is not a token this node issued.");
    }
}
