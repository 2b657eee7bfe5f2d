using System.Net;
using Grpc.AspNetCore.Server;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dispatch.Grpc.Tests.EndToEnd;

/// <summary>A real Kestrel server on a loopback port hosting <see cref="TesterService"/>, and channels to it.</summary>
public sealed class GrpcTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcTestServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public TesterProbe Probe => _app.Services.GetRequiredService<TesterProbe>();

    public static async Task<GrpcTestServer> StartAsync(Action<GrpcServiceOptions>? configure = null, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0)));
        builder.Services.AddGrpc(options => configure?.Invoke(options));
        builder.Services.AddSingleton<TesterProbe>();
        var app = builder.Build();
        app.MapGrpcService<TesterService>();
        map?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GrpcTestServer(app, new Uri(address));
    }

    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null) => GrpcChannel.ForAddress(Address, options ?? new GrpcChannelOptions());

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
