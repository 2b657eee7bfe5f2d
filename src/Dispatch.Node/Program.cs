using Dispatch.Node.Hosting;
using Microsoft.Extensions.Options;

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
