using Dispatch.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Dispatch.Grpc.Tests.HealthCheck;

/// <summary>The health service end to end: a real server on loopback and the generated client.</summary>
public sealed class HealthServiceImplTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Check_FreshServerWithoutChecks_ReturnsServingForTheServer()
    {
        await using var host = await StartAsync();

        var response = await Client(host).CheckAsync(new HealthCheckRequest(), deadline: Deadline());

        Assert.Equal(ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Check_UnhealthyCheckRegistered_ReturnsNotServingForTheServer()
    {
        await using var host = await StartAsync(checks => checks.AddCheck("broken", () => HealthCheckResult.Unhealthy()));

        var response = await Client(host).CheckAsync(new HealthCheckRequest(), deadline: Deadline());

        Assert.Equal(ServingStatus.NotServing, response.Status);
    }

    [Fact]
    public async Task Check_DegradedCheckRegistered_ReturnsServingForTheServer()
    {
        await using var host = await StartAsync(checks => checks.AddCheck("slow", () => HealthCheckResult.Degraded()));

        var response = await Client(host).CheckAsync(new HealthCheckRequest(), deadline: Deadline());

        Assert.Equal(ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Check_UnknownService_FailsWithNotFound()
    {
        await using var host = await StartAsync();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client(host).CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }, deadline: Deadline()));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Check_StatusSetByApplication_ReturnsThatStatus()
    {
        await using var host = await StartAsync();
        host.Services.GetRequiredService<HealthServiceImpl>().SetStatus("dispatch.v1.Cases", ServingStatus.NotServing);

        var response = await Client(host).CheckAsync(new HealthCheckRequest { Service = "dispatch.v1.Cases" }, deadline: Deadline());

        Assert.Equal(ServingStatus.NotServing, response.Status);
    }

    [Fact]
    public async Task Watch_StatusChanges_StreamsCurrentStatusThenEachChange()
    {
        await using var host = await StartAsync();
        var health = host.Services.GetRequiredService<HealthServiceImpl>();
        using var cancellation = new CancellationTokenSource(Patience);
        using var call = Client(host).Watch(new HealthCheckRequest { Service = "svc" }, cancellationToken: cancellation.Token);
        var responses = call.ResponseStream;

        Assert.Equal(ServingStatus.ServiceUnknown, await NextAsync(responses, cancellation.Token));
        health.SetStatus("svc", ServingStatus.Serving);
        Assert.Equal(ServingStatus.Serving, await NextAsync(responses, cancellation.Token));
        health.SetStatus("svc", ServingStatus.NotServing);
        Assert.Equal(ServingStatus.NotServing, await NextAsync(responses, cancellation.Token));
        health.ClearStatus("svc");
        Assert.Equal(ServingStatus.ServiceUnknown, await NextAsync(responses, cancellation.Token));
    }

    [Fact]
    public async Task Watch_ClientCancels_ServerDropsTheWatch()
    {
        await using var host = await StartAsync();
        var registry = host.Services.GetRequiredService<HealthServiceImpl>().Registry;
        using var cancellation = new CancellationTokenSource(Patience);
        using (var call = Client(host).Watch(new HealthCheckRequest(), cancellationToken: cancellation.Token))
        {
            Assert.Equal(ServingStatus.Serving, await NextAsync(call.ResponseStream, cancellation.Token));
            Assert.Equal(1, registry.WatcherCount);
        }

        // Disposing the call resets the stream; the server notices on its own schedule.
        while (registry.WatcherCount != 0)
        {
            await Task.Delay(10, cancellation.Token);
        }
    }

    private static Task<LoopbackGrpcHost> StartAsync(Action<IHealthChecksBuilder>? addChecks = null) =>
        LoopbackGrpcHost.StartAsync(
            services =>
            {
                var checks = services.AddGrpcHealthChecks();
                addChecks?.Invoke(checks);
            },
            app => app.MapGrpcHealthChecksService());

    private static Health.HealthClient Client(LoopbackGrpcHost host) => new(host.Channel);

    private static DateTime Deadline() => DateTime.UtcNow.Add(Patience);

    private static async Task<ServingStatus> NextAsync(
        IAsyncStreamReader<HealthCheckResponse> responses,
        CancellationToken cancellationToken)
    {
        Assert.True(await responses.MoveNext(cancellationToken), "The watch ended early.");
        return responses.Current.Status;
    }
}
