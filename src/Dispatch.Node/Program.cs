using Dispatch.Node.Backup;
using Dispatch.Node.Hosting;

// `backup` / `restore`: the operator's verbs for a node's SQLite database (beside a running node).
if (BackupCommand.IsRequested(args))
{
    return BackupCommand.Run(args, Console.Out, Console.Error);
}

// `--cluster`: the local platform (district, town, two villages) in one process; otherwise one node.
if (LocalCluster.IsRequested(args))
{
    return await LocalCluster.RunAsync(args);
}

var started = System.Diagnostics.Stopwatch.StartNew();
var app = NodeApp.Build(args);
await app.StartAsync();
ReadyBanner.Write(Console.Out, [LocalCluster.Options(app)], started.Elapsed);
await app.WaitForShutdownAsync();
return 0;
