using System.CommandLine;
using Dispatch.Cli.App;
using Dispatch.Cli.Output;
using Dispatch.Cli.Profiles;
using Dispatch.Cli.Texts;
using Dispatch.Contracts.V1;

namespace Dispatch.Cli.Cases;

/// <summary>list, mine and queue: the same paged ListCases call with different filters.</summary>
internal static class ListCommands
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        yield return List(cli);
        yield return Mine(cli);
        yield return Queue(cli);
    }

    private static Command List(CliContext cli)
    {
        var status = new Option<CaseStatus[]>("--status") { AllowMultipleArgumentsPerToken = true, Description = cli.T(CaseTexts.StatusOption) };
        var grid = new Option<string>("--grid") { Description = cli.T(CaseTexts.GridOption), HelpName = "ID" };
        var category = new Option<string>("--category") { Description = cli.T(CaseTexts.CategoryOption), HelpName = "CODE" };
        var whistle = new Option<WhistleClass>("--whistle") { Description = cli.T(CaseTexts.WhistleOption), HelpName = "Daily|Tough|Emergency" };
        var text = new Option<string>("--text") { Description = cli.T(CaseTexts.TextOption) };
        var overdue = new Option<bool>("--overdue") { Description = cli.T(CaseTexts.OverdueOption) };
        var department = new Option<string>("--department") { Description = cli.T(CaseTexts.DepartmentFilterOption), HelpName = "ID" };
        var worker = new Option<string>("--worker") { Description = cli.T(CaseTexts.WorkerFilterOption), HelpName = "ID" };
        var order = new Option<string>("--order") { Description = cli.T(CaseTexts.OrderOption), HelpName = "reported|due" };
        order.AcceptOnlyFromAmong("reported", "due");
        var paging = new PageOptions(cli);
        var command = cli.Command("list", CaseTexts.ListDescription, status, grid, category, whistle, text, overdue, department, worker, order);
        paging.AddTo(command);
        cli.SetAction(command, run => RunAsync(run, paging, () =>
        {
            var request = new ListCasesRequest
            {
                GridId = run.Get(grid) ?? "",
                CategoryCode = run.Get(category) ?? "",
                Whistle = run.Get(whistle),
                Text = run.Get(text) ?? "",
                OverdueOnly = run.Get(overdue),
                OrderBy = run.Get(order) == "due" ? CaseOrder.DueAsc : CaseOrder.ReportedDesc,
                Assignee = run.Get(department) is { } d ? new Assignee { Kind = AssigneeKind.Department, Id = d }
                    : run.Get(worker) is { } w ? new Assignee { Kind = AssigneeKind.Worker, Id = w }
                    : null,
            };
            request.Statuses.AddRange(run.Get(status) ?? []);
            return request;
        }));
        return command;
    }

    private static Command Mine(CliContext cli)
    {
        var open = new Option<bool>("--open") { Description = cli.T(CaseTexts.MineOpenOption) };
        var paging = new PageOptions(cli);
        var command = cli.Command("mine", CaseTexts.MineDescription, open);
        paging.AddTo(command);
        cli.SetAction(command, run =>
        {
            var profile = run.Profile;
            var request = new ListCasesRequest { OrderBy = CaseOrder.DueAsc };
            if (run.Get(open))
            {
                request.Statuses.AddRange(OpenStatuses);
            }

            // The node has no reporter filter: a grid worker's own reports are picked from the cases of their grids.
            Func<Case, bool>? keep = null;
            if (profile.Role == nameof(Role.GridWorker))
            {
                keep = c => c.ReporterId == profile.UserId;
            }
            else
            {
                request.Assignee = profile.DepartmentId.Length > 0
                    ? new Assignee { Kind = AssigneeKind.Department, Id = profile.DepartmentId }
                    : new Assignee { Kind = AssigneeKind.Worker, Id = profile.UserId };
            }

            return RunAsync(run, paging, () => request, keep);
        });
        return command;
    }

    private static Command Queue(CliContext cli)
    {
        var grid = new Option<string>("--grid") { Description = cli.T(CaseTexts.GridOption), HelpName = "ID" };
        var paging = new PageOptions(cli);
        var command = cli.Command("queue", CaseTexts.QueueDescription, grid);
        paging.AddTo(command);
        cli.SetAction(command, run => RunAsync(run, paging, () => new ListCasesRequest
        {
            Statuses = { CaseStatus.Reported, CaseStatus.Accepted },
            GridId = run.Get(grid) ?? "",
            OrderBy = CaseOrder.DueAsc,
        }));
        return command;
    }

    /// <summary>The statuses in which a case still waits for someone.</summary>
    private static readonly CaseStatus[] OpenStatuses =
    [
        CaseStatus.Reported, CaseStatus.Accepted, CaseStatus.Assigned, CaseStatus.InProgress,
        CaseStatus.Resolved, CaseStatus.Returned, CaseStatus.Deferred, CaseStatus.Escalated,
    ];

    private static Task<int> RunAsync(CommandRun run, PageOptions paging, Func<ListCasesRequest> build, Func<Case, bool>? keep = null) =>
        Paging.RunAsync(
            run,
            paging,
            async (token, size) =>
            {
                var request = build();
                request.PageToken = token;
                request.PageSize = size;
                var response = await run.Connection.Cases.ListCasesAsync(request, cancellationToken: run.Cancellation);
                if (keep is not null)
                {
                    var kept = response.Cases.Where(keep).ToList();
                    response.Cases.Clear();
                    response.Cases.AddRange(kept);
                }

                return new Page<Case>(response, response.Cases, response.NextPageToken);
            },
            cases => CasePrinter.List(run, cases),
            CaseTexts.NoCases);
}
