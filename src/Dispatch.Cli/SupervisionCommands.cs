using System.CommandLine;
using Dispatch.Contracts.V1;

namespace Dispatch.Cli;

/// <summary>orders, summon and acknowledge: the SupervisionService.</summary>
internal static class SupervisionCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Orders();
        yield return Summon();
        yield return Acknowledge();
    }

    private static Command Orders()
    {
        var open = new Option<bool>("--open") { Description = "open orders only" };
        var command = new Command("orders", "supervision orders and summons kept at this node, newest first") { open };
        command.SetAction(async (ParseResult r, CancellationToken cancellationToken) =>
        {
            using var connection = Session.Connect();
            var request = new ListSupervisionOrdersRequest { PageSize = 50 };
            if (r.GetValue(open))
            {
                request.Statuses.Add(SupervisionOrderStatus.Open);
            }

            foreach (var order in (await connection.Supervision.ListSupervisionOrdersAsync(request, cancellationToken: cancellationToken)).Orders)
            {
                Print(order);
            }

            return 0;
        });
        return command;
    }

    private static Command Summon()
    {
        var caseArgument = new Argument<string>("case") { Description = "case id or number" };
        var departments = new Option<string[]>("--department") { Required = true, AllowMultipleArgumentsPerToken = true, Description = "department id (repeat for several)" };
        var reason = new Option<string>("--reason") { Required = true };
        var command = new Command("summon", "summon departments to a case; each must acknowledge in time (town or district)") { caseArgument, departments, reason };
        command.SetAction(async (ParseResult r, CancellationToken cancellationToken) =>
        {
            using var connection = Session.Connect();
            var found = await connection.FindCaseAsync(r.GetValue(caseArgument)!, cancellationToken);
            var request = new SummonDepartmentsRequest { CaseId = found.Id, ExpectedVersion = found.Version, Reason = r.GetValue(reason)! };
            request.DepartmentIds.AddRange(r.GetValue(departments)!);
            var response = await connection.Supervision.SummonDepartmentsAsync(request, cancellationToken: cancellationToken);
            foreach (var order in response.Orders)
            {
                Print(order);
            }

            return 0;
        });
        return command;
    }

    private static Command Acknowledge()
    {
        var order = new Argument<string>("order") { Description = "summons (order) id" };
        var note = new Option<string>("--note");
        var command = new Command("acknowledge", "acknowledge a summons of your department") { order, note };
        command.SetAction(async (ParseResult r, CancellationToken cancellationToken) =>
        {
            using var connection = Session.Connect();
            var response = await connection.Supervision.AcknowledgeSummonsAsync(
                new AcknowledgeSummonsRequest { OrderId = r.GetValue(order)!, Note = r.GetValue(note) ?? "" }, cancellationToken: cancellationToken);
            Print(response.Order);
            return 0;
        });
        return command;
    }

    private static void Print(SupervisionOrder o) =>
        Console.WriteLine($"{o.Id}  {o.Kind,-8} {o.Status,-12} case {o.CaseNumber} at {o.CaseNodeId}, supervised by {o.SupervisorNodeId}, due {o.DueAt.ToDateTimeOffset():u}{(o.DepartmentId.Length > 0 ? $", department {o.DepartmentId}" : "")}: {o.Reason}");
}
