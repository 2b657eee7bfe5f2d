using Dispatch.Node.Backup;
using Dispatch.Node.Hosting;
using Microsoft.Extensions.Options;

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

var app = NodeApp.Build(args);
await app.StartAsync();
Console.WriteLine(app.Services.GetRequiredService<IOptions<NodeOptions>>().Value.Describe());
await app.WaitForShutdownAsync();
return 0;
