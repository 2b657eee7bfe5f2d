using System.Net;
using Dispatch.Node.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

// Settings ship next to the binary; relative paths (data/) resolve against the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddDispatchNode(builder.Configuration);
var node = builder.Configuration.GetSection("Node").Get<NodeOptions>() ?? new NodeOptions();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.ListenGrpc(new IPEndPoint(IPAddress.Loopback, node.GrpcPort));
    kestrel.Listen(IPAddress.Loopback, node.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
});

var app = builder.Build();
app.MapDispatchNode();
app.MapGet("/", (IOptions<NodeOptions> options) => options.Value.Describe());

await app.StartAsync();
Console.WriteLine(node.Describe());
await app.WaitForShutdownAsync();
