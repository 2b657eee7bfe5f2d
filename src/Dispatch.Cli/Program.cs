using System.CommandLine;
using Dispatch.Cli;
using Grpc.Core;

var root = new RootCommand("dispatch: sign in to a Dispatch node and work cases through the closed loop");
root.Subcommands.Add(SessionCommands.Login());
foreach (var command in QueryCommands.Create())
{
    root.Subcommands.Add(command);
}

foreach (var command in SupervisionCommands.Create())
{
    root.Subcommands.Add(command);
}

foreach (var command in OutboxCommands.Create())
{
    root.Subcommands.Add(command);
}

foreach (var command in StatsCommands.Create())
{
    root.Subcommands.Add(command);
}

foreach (var command in CaseCommandFactory.Create())
{
    root.Subcommands.Add(command);
}

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (RpcException ex)
{
    Console.Error.WriteLine($"error: {ex.StatusCode}: {ex.Status.Detail}");
    return 1;
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}
