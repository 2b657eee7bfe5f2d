using System.Net;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dispatch.Grpc.Tests.HealthCheck;

/// <summary>
/// A real Kestrel server with gRPC on a free loopback port, and a channel to it. The health and
/// reflection end-to-end tests each start their own, shaped by the two callbacks.
/// </summary>
internal sealed class LoopbackGrpcHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackGrpcHost(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
        Channel = GrpcChannel.ForAddress(address);
    }

    /// <summary>The server's address, such as http://127.0.0.1:40123.</summary>
    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<LoopbackGrpcHost> StartAsync(
        Action<IServiceCollection> configureServices,
        Action<WebApplication> mapEndpoints)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0)));
        builder.Services.AddGrpc();
        configureServices(builder.Services);

        var app = builder.Build();
        mapEndpoints(app);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new LoopbackGrpcHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
