using Dispatch.Cli.App;

using var interrupt = new CancellationTokenSource();
long firstInterrupt = 0;
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C cancels the command, which ends quietly. Another one a moment later ends the process at once;
    // one that comes with the first (a signal sent to the process and to its group, as `timeout` does) does not.
    var now = Environment.TickCount64;
    var first = Interlocked.CompareExchange(ref firstInterrupt, now, 0);
    e.Cancel = first == 0 || now - first < 1000;
    _ = interrupt.CancelAsync();
};

return await CliApp.RunAsync(args, CliConsole.System(interrupt.Token));
