using System.Net;
using Dispatch.Node;
using Microsoft.AspNetCore.Server.Kestrel.Core;

var builder = WebApplication.CreateBuilder(args);
var node = NodeEndpoints.From(builder.Configuration);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.ListenGrpc(new IPEndPoint(IPAddress.Loopback, node.GrpcPort));
    kestrel.Listen(IPAddress.Loopback, node.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
});
builder.Services.AddGrpc();
builder.Services.AddGrpcHealthChecks();
builder.Services.AddGrpcReflection();

var app = builder.Build();
app.MapGrpcHealthChecksService();
app.MapGrpcReflectionService();
app.MapGet("/", () => node.Describe());

await app.StartAsync();
Console.WriteLine(node.Describe());
await app.WaitForShutdownAsync();
