using System.CommandLine;
using Dispatch.Cli.App;
using Dispatch.Cli.Cases;
using Dispatch.Cli.Output;
using Dispatch.Cli.Texts;
using Dispatch.Contracts.V1;

namespace Dispatch.Cli.Supervision;

/// <summary>orders, summon and acknowledge: the SupervisionService.</summary>
internal static class SupervisionCommands
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        yield return Orders(cli);
        yield return Summon(cli);
        yield return Acknowledge(cli);
    }

    private static Command Orders(CliContext cli)
    {
        var open = new Option<bool>("--open") { Description = cli.T(SupervisionTexts.OpenOption) };
        var kind = new Option<SupervisionOrderKind>("--kind") { Description = cli.T(SupervisionTexts.KindOption) };
        var forCase = new Option<string>("--case") { Description = cli.T(SupervisionTexts.OrdersCaseOption), HelpName = "CASE" };
        var department = new Option<string>("--department") { Description = cli.T(CaseTexts.DepartmentFilterOption), HelpName = "ID" };
        var paging = new PageOptions(cli);
        var command = cli.Command("orders", SupervisionTexts.OrdersDescription, open, kind, forCase, department);
        paging.AddTo(command);
        cli.SetAction(command, async run =>
        {
            var caseId = run.Get(forCase) is { } idOrNumber ? (await run.FindCaseAsync(idOrNumber)).Id : "";
            return await Paging.RunAsync(
                run,
                paging,
                async (token, size) =>
                {
                    var request = new ListSupervisionOrdersRequest { Kind = run.Get(kind), CaseId = caseId, DepartmentId = run.Get(department) ?? "", PageSize = size, PageToken = token };
                    if (run.Get(open))
                    {
                        request.Statuses.Add(SupervisionOrderStatus.Open);
                    }

                    var response = await run.Connection.Supervision.ListSupervisionOrdersAsync(request, cancellationToken: run.Cancellation);
                    return new Page<SupervisionOrder>(response, response.Orders, response.NextPageToken);
                },
                orders => Print(run, orders),
                SupervisionTexts.NoOrders);
        });
        return command;
    }

    private static Command Summon(CliContext cli)
    {
        var shared = new CaseOptions(cli);
        var departments = new Option<string[]>("--department") { Required = true, AllowMultipleArgumentsPerToken = true, Description = cli.T(SupervisionTexts.SummonDepartmentOption), HelpName = "ID" };
        var reason = shared.RequiredReason();
        var command = cli.Command("summon", SupervisionTexts.SummonDescription, shared.Case, departments, reason);
        cli.SetAction(command, async run =>
        {
            var found = await run.FindCaseAsync(run.Get(shared.Case));
            var request = new SummonDepartmentsRequest { CaseId = found.Id, ExpectedVersion = found.Version, Reason = run.Get(reason)! };
            request.DepartmentIds.AddRange(run.Get(departments)!);
            var response = await run.Connection.Supervision.SummonDepartmentsAsync(request, cancellationToken: run.Cancellation);
            run.Show(response, () => Print(run, response.Orders));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Acknowledge(CliContext cli)
    {
        var order = new Argument<string>("order") { Description = cli.T(SupervisionTexts.OrderArgument) };
        var note = new Option<string>("--note") { Description = cli.T(SupervisionTexts.AcknowledgeNoteOption) };
        var command = cli.Command("acknowledge", SupervisionTexts.AcknowledgeDescription, order, note);
        cli.SetAction(command, async run =>
        {
            var response = await run.Connection.Supervision.AcknowledgeSummonsAsync(
                new AcknowledgeSummonsRequest { OrderId = run.Get(order), Note = run.Get(note) ?? "" }, cancellationToken: run.Cancellation);
            run.Show(response, () => Print(run, [response.Order]));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(CommandRun run, IEnumerable<SupervisionOrder> orders)
    {
        var table = new Table(
            run.T(SupervisionTexts.OrderHeader), run.T(SupervisionTexts.KindHeader), run.T(CaseTexts.StatusHeader), run.T(SupervisionTexts.CaseHeader),
            run.T(CaseTexts.DueHeader), run.T(SupervisionTexts.DepartmentHeader), run.T(SupervisionTexts.SupervisorHeader), run.T(SupervisionTexts.ReasonHeader));
        foreach (var o in orders)
        {
            table.Add(o.Id, Names.Of(run, o.Kind), Names.Of(run, o.Status), $"{o.CaseNumber} @{o.CaseNodeId}", run.Local(o.DueAt), o.DepartmentId, o.SupervisorNodeId, o.Reason);
        }

        table.Write(run.Out);
    }
}
