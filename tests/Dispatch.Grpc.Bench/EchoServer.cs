using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dispatch.Grpc.Bench;

/// <summary>
/// Hosts <see cref="EchoService"/> (AddGrpc + MapGrpcService) on an h2c loopback endpoint, with logging off;
/// GET /stats on the same HTTP/2-only port (curl --http2-prior-knowledge).
/// </summary>
internal static class EchoServer
{
    public static async Task<int> RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<EchoService>();

        await using var app = builder.Build();
        app.MapGrpcService<EchoService>();

        // Calls served and bytes allocated by the whole process so far: the bench script reads it
        // before and after a measured run to get allocations per call on the server.
        app.MapGet("/stats", () => $"{EchoService.Calls} {GC.GetTotalAllocatedBytes(precise: true)}");
        await app.StartAsync();
        Console.WriteLine($"echo server listening on http://127.0.0.1:{port}");
        await app.WaitForShutdownAsync();
        return 0;
    }
}
