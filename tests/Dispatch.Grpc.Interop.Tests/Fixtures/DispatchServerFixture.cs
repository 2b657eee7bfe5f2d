using Dispatch.Grpc.Interop.Tests.Server;
using Dispatch.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Grpc.Interop.Tests.Fixtures;

/// <summary>Hosts <see cref="InteropTestService"/> on the Dispatch runtime, on Kestrel, on a free loopback port.</summary>
public sealed class DispatchServerFixture : IAsyncLifetime
{
    private LoopbackGrpcHost? _host;

    public Uri Address => _host?.Address ?? throw new InvalidOperationException("The server has not started.");

    public int Port => Address.Port;

    public async Task InitializeAsync() =>
        _host = await LoopbackGrpcHost.StartAsync(
            services => services.AddHttpContextAccessor(),
            app =>
            {
                app.UseMiddleware<CompressedRequestTapMiddleware>();
                app.MapGrpcService<InteropTestService>();
            });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
