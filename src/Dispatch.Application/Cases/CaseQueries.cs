using System.Globalization;
using System.Text;
using Dispatch.Application.Errors;
using Dispatch.Application.Security;
using Dispatch.Data;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Directory;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Cases;

/// <summary>Reads: one case with its history, and filtered pages of cases.</summary>
internal sealed class CaseQueries(IDbContextFactory<DispatchDbContext> contexts, Domain.Categories.CategoryCatalogue catalogue)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    private const int MaxSlices = 16;

    public Task<Case> GetAsync(CallerIdentity caller, Guid id, CancellationToken cancellationToken) =>
        GetAsync(caller, c => c.Id == id, id.ToString(), cancellationToken);

    /// <summary>
    /// One case by <paramref name="key"/>, as <paramref name="field"/> carries it: its id, or else its number (see
    /// <see cref="GetByNumberAsync"/>); text that is neither is refused.
    /// </summary>
    public Task<Case> GetByKeyAsync(CallerIdentity caller, string key, string field, CancellationToken cancellationToken)
    {
        var text = (key ?? "").Trim();
        if (Guid.TryParse(text, out var id) && id != Guid.Empty)
        {
            return GetAsync(caller, id, cancellationToken);
        }

        return CaseNumbers.IsNumber(text)
            ? GetByNumberAsync(caller, text, cancellationToken, field)
            : throw new InvalidRequestException(field, text.Length == 0 ? "is required." : $"{Domain.Common.ClientValue.Quote(text)} is neither a case id nor a case number.");
    }

    /// <summary>
    /// One case by its number (any letter case), with its history: this node's number, or else, for a case escalated
    /// here, its number at the child it came from (each tier numbers a case anew, and people quote the number they were
    /// given). This node's numbers are unique, and one child's too, but two children number independently: when
    /// several cases the caller may read came with the number, the caller is asked for this node's number or the id.
    /// </summary>
    public async Task<Case> GetByNumberAsync(CallerIdentity caller, string number, CancellationToken cancellationToken, string field = "case_number")
    {
        var normalized = (number ?? "").Trim().ToUpperInvariant();
        if (normalized.Length is 0 or > Domain.Cases.CaseLimits.NumberMaxLength)
        {
            throw new InvalidRequestException(field, $"must be 1 to {Domain.Cases.CaseLimits.NumberMaxLength} characters.");
        }

        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        if (await WithHistory(context).FirstOrDefaultAsync(c => c.Number == normalized, cancellationToken) is { } local)
        {
            CasePermissions.EnsureCanRead(caller, local);
            return local;
        }

        var escalated = await WithHistory(context).Where(c => c.Origin!.CaseNumber == normalized)
            .OrderBy(c => c.Number).Take(MaxOriginMatches).ToListAsync(cancellationToken);
        var readable = escalated.Where(c => CasePermissions.CanAct(caller, c, CaseOperation.Read)).ToList();
        if (readable.Count > 1)
        {
            var cases = string.Join(", ", readable.Select(c => $"{c.Number} from {c.Origin!.NodeId}"));
            throw new InvalidRequestException(field, $"{normalized} is the number of several cases escalated here by different nodes ({cases}): name one by this node's number or its id.");
        }

        var found = readable.FirstOrDefault() ?? escalated.FirstOrDefault() ?? throw new NotFoundException("Case", normalized);
        CasePermissions.EnsureCanRead(caller, found);
        return found;
    }

    /// <summary>How many cases escalated with one origin number are named when it is ambiguous.</summary>
    private const int MaxOriginMatches = 8;

    private static IQueryable<Case> WithHistory(DispatchDbContext context) => context.Cases.AsNoTracking().Include(c => c.History);

    private async Task<Case> GetAsync(CallerIdentity caller, System.Linq.Expressions.Expression<Func<Case, bool>> key, string name, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var @case = await WithHistory(context).FirstOrDefaultAsync(key, cancellationToken) ?? throw new NotFoundException("Case", name);
        CasePermissions.EnsureCanRead(caller, @case);
        return @case;
    }

    public async Task<(IReadOnlyList<Case> Cases, string NextPageToken)> ListAsync(
        CallerIdentity caller, CaseFilter filter, CancellationToken cancellationToken)
    {
        CasePermissions.EnsureCanList(caller, filter.GridId, filter.Assignee);
        if (!string.IsNullOrEmpty(filter.CategoryCode) && !catalogue.Contains(filter.CategoryCode))
        {
            // A code outside the catalogue matches no case: refused, so a typo is not read as "no such cases".
            throw new InvalidRequestException("category_code", $"{Domain.Common.ClientValue.Quote(filter.CategoryCode)} is not in the category catalogue.");
        }

        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var after = DecodeToken(filter.PageToken);
        if (filter.DueFirst)
        {
            var skip = after is null ? 0 : ParseOffset(after);
            var query = filter.Apply(Scope(context.Cases.AsNoTracking(), caller));
            var due = await DueFirstAsync(query, skip, filter.PageSize + 1, cancellationToken);
            var more = due.Count > filter.PageSize;
            return (due.Take(filter.PageSize).ToList(), more ? EncodeToken((skip + filter.PageSize).ToString(CultureInfo.InvariantCulture)) : "");
        }

        var key = after is null ? ((DateTimeOffset, string)?)null : ParseKey(after);
        var page = new List<Case>();
        foreach (var slice in Slices(context.Cases.AsNoTracking(), caller, filter, split: context.Database.IsSqlite()))
        {
            var query = slice;
            if (key is var (reportedAt, number))
            {
                query = query.Where(c => c.ReportedAt < reportedAt || (c.ReportedAt == reportedAt && string.Compare(c.Number, number) < 0));
            }

            page.AddRange(await query.OrderByDescending(c => c.ReportedAt).ThenByDescending(c => c.Number)
                .Take(filter.PageSize + 1).ToListAsync(cancellationToken));
        }

        page = page.OrderByDescending(c => c.ReportedAt).ThenByDescending(c => c.Number, StringComparer.Ordinal)
            .Take(filter.PageSize + 1).ToList();
        if (page.Count <= filter.PageSize)
        {
            return (page, "");
        }

        page.RemoveAt(page.Count - 1);
        var last = page[^1];
        return (page, EncodeToken(last.ReportedAt.UtcTicks.ToString(CultureInfo.InvariantCulture) + "|" + last.Number));
    }

    /// <summary>The cases the caller may list (the list row's scope, as <see cref="CasePermissions.Sees"/> decides for one case).</summary>
    internal static IQueryable<Case> Scope(IQueryable<Case> cases, CallerIdentity caller) => CasePermissions.RowOf(CaseOperation.List).ScopeOf(caller.Role) switch
    {
        Security.Scope.Node => cases,
        Security.Scope.OwnGrid => cases.Where(c => caller.GridIds.Contains(c.GridId)),
        Security.Scope.OwnDepartment => cases.Where(c => c.AssigneeKind == AssigneeKind.Department && c.AssigneeId == caller.DepartmentId),
        _ => cases.Where(c => false),
    };

    /// <summary>
    /// The caller's filtered cases as queries whose union is the whole, each with only equality filters, so
    /// that its newest-first page is a range of a (status | grid | category, reported_at) index. A top-level
    /// category is split on both providers, one slice per code in it (itself and each leaf): a prefix match
    /// was a scan on both. With <paramref name="split"/> (SQLite) also one per status asked for and, for a
    /// grid worker, per grid, where SQLite sorted every match of an IN list (open cases of a 1M-case node:
    /// about 0.5 s; a grid worker's cases: 0.3 s); PostgreSQL plans those IN lists well and some such slices
    /// badly (a rare status in one grid). Too many slices and it is one query again.
    /// </summary>
    private IEnumerable<IQueryable<Case>> Slices(IQueryable<Case> cases, CallerIdentity caller, CaseFilter filter, bool split)
    {
        var leaves = catalogue.ChildrenOf(filter.CategoryCode);
        List<Func<CaseFilter, CaseFilter>> categories = leaves.Count == 0
            ? [f => f]
            : [.. new[] { filter.CategoryCode! }.Concat(leaves.Select(c => c.Code))
                .Select(code => (Func<CaseFilter, CaseFilter>)(f => f with { CategoryCode = code, CategorySubtree = false }))];
        List<Func<CaseFilter, CaseFilter>> statuses = !split || filter.Statuses.Count == 0
            ? [f => f]
            : [.. filter.Statuses.Distinct().Select(status => (Func<CaseFilter, CaseFilter>)(f => f with { Statuses = [status] }))];
        List<IQueryable<Case>> scopes = split && CasePermissions.RowOf(CaseOperation.List).ScopeOf(caller.Role) == Security.Scope.OwnGrid
            ? [.. caller.GridIds.Distinct().Select(grid => cases.Where(c => c.GridId == grid))]
            : [Scope(cases, caller)];
        if (categories.Count * statuses.Count * scopes.Count > MaxSlices)
        {
            yield return filter.Apply(Scope(cases, caller));
            yield break;
        }

        foreach (var scoped in scopes)
        {
            foreach (var status in statuses)
            {
                foreach (var category in categories)
                {
                    yield return category(status(filter)).Apply(scoped);
                }
            }
        }
    }

    /// <summary>
    /// Cases with a deadline, earliest first, then those without, by number. Two queries that an index on
    /// the deadline can serve, instead of one ordered by "deadline is null", which sorted the whole table.
    /// </summary>
    private static async Task<List<Case>> DueFirstAsync(IQueryable<Case> query, int skip, int take, CancellationToken cancellationToken)
    {
        var page = await query.Where(c => c.DueAt != null).OrderBy(c => c.DueAt).ThenBy(c => c.Number)
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
        if (page.Count == take)
        {
            return page;
        }

        // Past the cases with a deadline: how far into those without one this page starts.
        var withDue = page.Count > 0 ? skip + page.Count : await query.CountAsync(c => c.DueAt != null, cancellationToken);
        page.AddRange(await query.Where(c => c.DueAt == null).OrderBy(c => c.Number)
            .Skip(Math.Max(0, skip - withDue)).Take(take - page.Count).ToListAsync(cancellationToken));
        return page;
    }

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
