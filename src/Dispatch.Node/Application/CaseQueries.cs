using System.Globalization;
using System.Text;
using Dispatch.Data;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Directory;
using Dispatch.Node.Application.Errors;
using Dispatch.Node.Security;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Node.Application;

/// <summary>Reads: one case with its history, filtered pages of cases, and possible duplicates.</summary>
internal sealed class CaseQueries(IDbContextFactory<DispatchDbContext> contexts, TimeProvider clock)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    private static readonly TimeSpan DuplicateWindow = TimeSpan.FromHours(72);
    private static readonly CaseStatus[] OpenStatuses =
        Enum.GetValues<CaseStatus>().Where(CaseLifecycle.IsOpen).ToArray();

    public async Task<Case> GetAsync(CallerIdentity caller, Guid id, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var @case = await context.Cases.AsNoTracking().Include(c => c.History)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("Case", id.ToString());
        CasePermissions.EnsureCanRead(caller, @case);
        return @case;
    }

    public async Task<(IReadOnlyList<Case> Cases, string NextPageToken)> ListAsync(
        CallerIdentity caller, CaseFilter filter, CancellationToken cancellationToken)
    {
        CasePermissions.EnsureCanList(caller);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Scope(context.Cases.AsNoTracking(), caller);
        query = filter.Apply(query);
        var after = DecodeToken(filter.PageToken);
        List<Case> page;
        if (filter.DueFirst)
        {
            var skip = after is null ? 0 : ParseOffset(after);
            page = await query.OrderBy(c => c.DueAt == null).ThenBy(c => c.DueAt).ThenBy(c => c.Number)
                .Skip(skip).Take(filter.PageSize + 1).ToListAsync(cancellationToken);
            var more = page.Count > filter.PageSize;
            return (page.Take(filter.PageSize).ToList(), more ? EncodeToken((skip + filter.PageSize).ToString(CultureInfo.InvariantCulture)) : "");
        }

        if (after is not null)
        {
            var (reportedAt, number) = ParseKey(after);
            query = query.Where(c => c.ReportedAt < reportedAt || (c.ReportedAt == reportedAt && string.Compare(c.Number, number) < 0));
        }

        page = await query.OrderByDescending(c => c.ReportedAt).ThenByDescending(c => c.Number)
            .Take(filter.PageSize + 1).ToListAsync(cancellationToken);
        if (page.Count <= filter.PageSize)
        {
            return (page, "");
        }

        page.RemoveAt(page.Count - 1);
        var last = page[^1];
        return (page, EncodeToken(last.ReportedAt.UtcTicks.ToString(CultureInfo.InvariantCulture) + "|" + last.Number));
    }

    /// <summary>Open cases in the same grid and category reported in the last 72 hours.</summary>
    public async Task<IReadOnlyList<Case>> PossibleDuplicatesAsync(Case reported, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var since = clock.GetUtcNow() - DuplicateWindow;
        return await context.Cases.AsNoTracking()
            .Where(c => c.GridId == reported.GridId && c.CategoryCode == reported.CategoryCode && c.Id != reported.Id &&
                c.ReportedAt >= since && OpenStatuses.Contains(c.Status))
            .OrderByDescending(c => c.ReportedAt)
            .Take(10)
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<Case> Scope(IQueryable<Case> cases, CallerIdentity caller) => caller.Role switch
    {
        Role.GridWorker => cases.Where(c => caller.GridIds.Contains(c.GridId)),
        Role.DepartmentHandler => cases.Where(c => c.Assignee != null && c.Assignee.Kind == AssigneeKind.Department && c.Assignee.Id == caller.DepartmentId),
        _ => cases,
    };

    private static string EncodeToken(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(key));

    private static string? DecodeToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw new InvalidRequestException("page_token", "is not a token this node issued.");
        }
    }

    /// <summary>The offset a due-first page token carries: digits only, so no sign and no other order's key.</summary>
    private static int ParseOffset(string key) =>
        int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var skip)
            ? skip
            : throw new InvalidRequestException("page_token", "is not a token this node issued for this order.");

    private static (DateTimeOffset ReportedAt, string Number) ParseKey(string key)
    {
        var parts = key.Split('|');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ||
            ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw new InvalidRequestException("page_token", "is not a token this node issued.");
        }

        return (new DateTimeOffset(ticks, TimeSpan.Zero), parts[1]);
    }
}
