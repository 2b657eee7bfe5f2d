using System.Globalization;
using Dispatch.Application.Errors;
using Dispatch.Application.Security;
using Dispatch.Data;
using Dispatch.Domain.Directory;
using Dispatch.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Supervision;

/// <summary>Lists the orders this node keeps (its own and its children's), newest opened first, in keyset pages.</summary>
internal sealed class SupervisionQueries(IDbContextFactory<DispatchDbContext> contexts)
{
    public async Task<(IReadOnlyList<SupervisionOrder> Orders, string NextPageToken)> ListAsync(CallerIdentity caller, SupervisionFilter filter, CancellationToken cancellationToken)
    {
        var departmentId = filter.DepartmentId;
        var scope = PermissionTable.Of(PermissionTable.SupervisionService, "ListSupervisionOrders").Require(caller);
        if (scope == Scope.OwnDepartment)
        {
            if (departmentId is { } asked && !caller.CoversDepartment(scope, asked))
            {
                throw new AccessDeniedException("A department handler sees only their own department's summons.");
            }

            departmentId = caller.DepartmentId;
        }

        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var query = context.SupervisionOrders.AsNoTracking();
        if (filter.Statuses.Count > 0)
        {
            var statuses = filter.Statuses.ToList();
            query = query.Where(o => statuses.Contains(o.Status));
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(o => o.Kind == kind);
        }

        if (filter.CaseId is { } caseId)
        {
            query = query.Where(o => o.CaseId == caseId);
        }

        if (departmentId is { } department)
        {
            query = query.Where(o => o.DepartmentId == department);
        }

        if (Decode(filter.PageToken) is var (openedAt, id))
        {
            query = query.Where(o => o.OpenedAt < openedAt || (o.OpenedAt == openedAt && o.Id.CompareTo(id) < 0));
        }

        var page = await query.OrderByDescending(o => o.OpenedAt).ThenByDescending(o => o.Id).Take(filter.PageSize + 1).ToListAsync(cancellationToken);
        var next = "";
        if (page.Count > filter.PageSize)
        {
            page.RemoveAt(page.Count - 1);
            next = $"{page[^1].OpenedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}.{page[^1].Id:N}";
        }

        return (page, next);
    }

    private static (DateTimeOffset OpenedAt, Guid Id)? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var parts = token.Split('.');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && Guid.TryParseExact(parts[1], "N", out var id)
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : throw new InvalidRequestException("page_token", "is not a token this node issued.");
    }
}
