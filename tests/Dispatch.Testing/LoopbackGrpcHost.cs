using System.Net;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dispatch.Testing;

/// <summary>
/// A real Kestrel server with gRPC (h2c) on a free loopback port, and a channel to it. Tests shape
/// it with two callbacks: services to register, and the app's middleware and endpoints.
/// </summary>
public sealed class LoopbackGrpcHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackGrpcHost(WebApplication app, Uri address, GrpcChannelOptions? channelOptions)
    {
        _app = app;
        Address = address;
        Channel = channelOptions is null ? GrpcChannel.ForAddress(address) : GrpcChannel.ForAddress(address, channelOptions);
    }

    /// <summary>The server's address, such as http://127.0.0.1:40123 (https:// when an endpoint callback turns TLS on).</summary>
    public Uri Address { get; }

    /// <summary>A channel with default options; dispose-managed by the host.</summary>
    public GrpcChannel Channel { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="webPort">A second, HTTP/1.1 port for web pages (as a node has); none when null.</param>
    /// <param name="grpcEndpoint">Shapes the gRPC endpoint (e.g. HTTPS); HTTP/2 in plain text when null.</param>
    /// <param name="webEndpoint">Shapes the web endpoint; HTTP/1.1 in plain text when null.</param>
    /// <param name="channelOptions">Options of <see cref="Channel"/> (e.g. the CA an https:// server is checked against).</param>
    public static async Task<LoopbackGrpcHost> StartAsync(
        Action<IServiceCollection> configureServices,
        Action<WebApplication> configureApp,
        int port = 0,
        int? webPort = null,
        Action<Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions>? grpcEndpoint = null,
        Action<Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions>? webEndpoint = null,
        GrpcChannelOptions? channelOptions = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port, grpcEndpoint ?? (listen => listen.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http2));
            if (webPort is { } web)
            {
                kestrel.Listen(IPAddress.Loopback, web, webEndpoint ?? (listen => listen.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1));
            }
        });
        builder.Services.AddGrpc();
        configureServices(builder.Services);

        var app = builder.Build();
        configureApp(app);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            .Single(a => webPort is null || !a.EndsWith($":{webPort}", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("Kestrel reported no bound address.");
        return new LoopbackGrpcHost(app, new Uri(address), channelOptions);
    }

    /// <summary>A loopback port that was free a moment ago, for a server that must come back on the same port.</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public GrpcChannel CreateChannel(GrpcChannelOptions options) => GrpcChannel.ForAddress(Address, options);

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
