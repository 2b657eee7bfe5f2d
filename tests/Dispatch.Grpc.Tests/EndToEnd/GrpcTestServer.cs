using Dispatch.Testing;
using Grpc.AspNetCore.Server;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Grpc.Tests.EndToEnd;

/// <summary>A loopback server hosting <see cref="TesterService"/>, and channels to it.</summary>
public sealed class GrpcTestServer : IAsyncDisposable
{
    private readonly LoopbackGrpcHost _host;

    private GrpcTestServer(LoopbackGrpcHost host)
    {
        _host = host;
    }

    public Uri Address => _host.Address;

    public TesterProbe Probe => _host.Services.GetRequiredService<TesterProbe>();

    public static async Task<GrpcTestServer> StartAsync(Action<GrpcServiceOptions>? configure = null) =>
        new(await LoopbackGrpcHost.StartAsync(
            services =>
            {
                services.AddGrpc(options => configure?.Invoke(options));
                services.AddSingleton<TesterProbe>();
            },
            app => app.MapGrpcService<TesterService>()));

    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null) =>
        options is null ? _host.Channel : _host.CreateChannel(options);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
