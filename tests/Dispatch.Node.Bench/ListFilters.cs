using Dispatch.Contracts.V1;

namespace Dispatch.Node.Bench;

/// <summary>
/// The command centre's filters, one request each (first page, default size). Values that depend on the
/// data (an assignee, a case number) are taken from the node first.
/// </summary>
internal static class ListFilters
{
    public const string GridId = "110105001001001";

    public static async Task<IReadOnlyList<ListFilter>> DiscoverAsync(NodeSession session)
    {
        // One department (a large share of all assigned cases) and one worker (a few hundred at most):
        // the assignee index is used very differently for the two.
        var assigned = (await session.Cases.ListCasesAsync(new ListCasesRequest { Statuses = { CaseStatus.Assigned }, PageSize = 200 }, session.Call)).Cases;
        var department = assigned.Select(c => c.Assignee).FirstOrDefault(a => a?.Kind == AssigneeKind.Department);
        var worker = assigned.Select(c => c.Assignee).FirstOrDefault(a => a?.Kind == AssigneeKind.Worker);
        var older = await session.Cases.ListCasesAsync(new ListCasesRequest { Whistle = WhistleClass.Tough, PageSize = 200 }, session.Call);

        List<ListFilter> filters =
        [
            new("none", new ListCasesRequest()),
            new("none, due first", new ListCasesRequest { OrderBy = CaseOrder.DueAsc }),
            new("status in progress", new ListCasesRequest { Statuses = { CaseStatus.InProgress } }),
            new("status deferred (rare)", new ListCasesRequest { Statuses = { CaseStatus.Deferred } }),
            new("status open (5 statuses)", new ListCasesRequest
            {
                Statuses = { CaseStatus.Reported, CaseStatus.Accepted, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Returned },
            }),
            new("grid", new ListCasesRequest { GridId = GridId }),
            new("whistle emergency", new ListCasesRequest { Whistle = WhistleClass.Emergency }),
            new("category leaf 0204", new ListCasesRequest { CategoryCode = "0204" }),
            new("category top 04", new ListCasesRequest { CategoryCode = "04" }),
            new("overdue", new ListCasesRequest { OverdueOnly = true }),
            new("text word", new ListCasesRequest { Text = "bins" }),
            new("none, grid worker (2 grids)", new ListCasesRequest(), AsGridWorker: true),
            new("status open, grid worker (2 grids)", new ListCasesRequest
            {
                Statuses = { CaseStatus.Reported, CaseStatus.Accepted, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Returned },
            }, AsGridWorker: true),
        ];
        if (department is not null)
        {
            filters.Add(new("assignee, a department", new ListCasesRequest { Assignee = department }));
        }

        if (worker is not null)
        {
            filters.Add(new("assignee, a worker", new ListCasesRequest { Assignee = worker }));
        }

        if (older.Cases.Count > 0)
        {
            filters.Add(new("text case number", new ListCasesRequest { Text = older.Cases[^1].Number }));
        }

        return filters;
    }
}
