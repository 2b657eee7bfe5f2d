using Dispatch.Cli.App;

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C cancels the command, which ends quietly; a second one ends the process at once.
    e.Cancel = !interrupt.IsCancellationRequested;
    interrupt.Cancel();
};

return await CliApp.RunAsync(args, CliConsole.System(interrupt.Token));
