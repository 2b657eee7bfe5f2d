using Dispatch.Application.Common;
using Dispatch.Application.Errors;
using Dispatch.Data;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Categories;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Open311;

/// <summary>GET requests and GET requests/{id}: public reads (GeoReport v2 asks no key for them) of every case of this node.</summary>
internal sealed class ServiceRequestQueries(IDbContextFactory<DispatchDbContext> contexts, CategoryCatalogue catalogue, NodeSettings node, TimeProvider clock)
{
    public const int MaxCount = 200;
    public const int MaxNumbers = 50;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(90);

    public async Task<ServiceRequestView> GetAsync(string number, CancellationToken cancellationToken)
    {
        var normalized = number.Trim().ToUpperInvariant();
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var @case = await context.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Number == normalized, cancellationToken)
            ?? throw new NotFoundException("Service request", number);
        return (await ViewsAsync(context, [@case], cancellationToken))[0];
    }

    public async Task<IReadOnlyList<ServiceRequestView>> ListAsync(ServiceRequestQuery query, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var cases = context.Cases.AsNoTracking();
        if (query.Numbers.Count > 0)
        {
            if (query.Numbers.Count > MaxNumbers)
            {
                throw new InvalidRequestException("service_request_id", $"names {query.Numbers.Count} requests; at most {MaxNumbers} at a time.");
            }

            var numbers = query.Numbers.Select(n => n.Trim().ToUpperInvariant()).ToArray();
            var found = await cases.Where(c => numbers.Contains(c.Number)).ToListAsync(cancellationToken);
            return await ViewsAsync(context, [.. found.OrderBy(c => Array.IndexOf(numbers, c.Number))], cancellationToken);
        }

        var end = query.End ?? clock.GetUtcNow();
        var start = query.Start ?? end - DefaultWindow;
        if (start > end)
        {
            throw new InvalidRequestException("start_date", "is after end_date.");
        }

        cases = cases.Where(c => c.ReportedAt >= start && c.ReportedAt <= end);
        if (query.ServiceCode is { Length: > 0 } code)
        {
            if (!catalogue.Contains(code))
            {
                throw new NotFoundException("Service", code);
            }

            cases = cases.Where(c => c.CategoryCode == code);
        }

        if (query.Open is { } open)
        {
            // An escalated case counts as its parent's copy does, once the parent has told.
            var statuses = Open311Status.Statuses(open).ToArray();
            cases = cases.Where(c => statuses.Contains(c.Status == CaseStatus.Escalated && c.ParentStatus != null ? c.ParentStatus.Value : c.Status));
        }

        var page = await cases.OrderByDescending(c => c.ReportedAt).ThenByDescending(c => c.Number).Take(MaxCount).ToListAsync(cancellationToken);
        return await ViewsAsync(context, page, cancellationToken);
    }

    private async Task<IReadOnlyList<ServiceRequestView>> ViewsAsync(DispatchDbContext context, IReadOnlyList<Case> cases, CancellationToken cancellationToken)
    {
        var departmentIds = cases.Where(c => c.AssigneeKind == AssigneeKind.Department).Select(c => c.AssigneeId!.Value).Distinct().ToArray();
        var departments = departmentIds.Length == 0
            ? new Dictionary<Guid, string>()
            : await context.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        return [.. cases.Select(c => new ServiceRequestView(
            c.Number,
            Open311Status.Of(c),
            Open311Status.Notes(c),
            c.CategoryCode,
            catalogue.Find(c.CategoryCode)?.Name ?? c.CategoryCode,
            c.Description,
            c.AssigneeKind == AssigneeKind.Department && departments.TryGetValue(c.AssigneeId!.Value, out var name) ? name : node.Name,
            c.ReportedAt,
            c.UpdatedAt,
            c.DueAt,
            c.Location.Address,
            c.Location.Latitude,
            c.Location.Longitude,
            c.EvidenceRefs.FirstOrDefault(r => r.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || r.StartsWith("https://", StringComparison.OrdinalIgnoreCase))))];
    }
}
