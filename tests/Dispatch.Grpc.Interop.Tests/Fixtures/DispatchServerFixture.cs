using System.Net;
using Dispatch.Grpc.Interop.Tests.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dispatch.Grpc.Interop.Tests.Fixtures;

/// <summary>Hosts <see cref="InteropTestService"/> on the Dispatch runtime, on Kestrel, on a free loopback port.</summary>
public sealed class DispatchServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public int Port { get; private set; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0)));
        builder.Services.AddGrpc();
        builder.Services.AddHttpContextAccessor();

        _app = builder.Build();
        _app.UseMiddleware<CompressedRequestTapMiddleware>();
        _app.MapGrpcService<InteropTestService>();
        await _app.StartAsync();

        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no server addresses feature.");
        var address = addresses.SingleOrDefault()
            ?? throw new InvalidOperationException($"Expected one bound address, Kestrel reported: {string.Join(", ", addresses)}");
        Port = new Uri(address).Port;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
