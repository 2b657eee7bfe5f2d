using System.Net;
using System.Text.Json;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.Health.V1;

namespace Dispatch.Node.Tests.Observability;

/// <summary><c>/healthz</c> and <c>/readyz</c> on the web port of a village whose parent (the town) goes away and comes back.</summary>
public sealed class HealthEndpointTests : IAsyncLifetime
{
    private ClusterTestHost _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ClusterTestHost.StartAsync(StorageKind.Sqlite);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Readyz_ParentDownThenUp_UnhealthyThenHealthy()
    {
        using var web = WebPort.Open(_cluster.Village);
        var ready = await ReadyAsync(web, HttpStatusCode.OK);
        Assert.Equal("Healthy", Status(ready, "database"));
        Assert.Equal("Healthy", Status(ready, "startup"));
        Assert.Equal("Healthy", Status(ready, "parent"));

        await _cluster.Town.StopAsync();
        var unready = await ReadyAsync(web, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Unhealthy", unready.RootElement.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", Status(unready, "parent"));
        Assert.Equal("Healthy", Status(unready, "database"));

        // Alive all the while, and the gRPC health service (the database only) still serving.
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("/healthz")).StatusCode);
        var grpc = await new Health.HealthClient(_cluster.Village.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, grpc.Status);

        await _cluster.Town.RestartAsync();
        ready = await ReadyAsync(web, HttpStatusCode.OK);
        Assert.Equal("Healthy", Status(ready, "parent"));
    }

    [Fact]
    public async Task Healthz_Anonymous_NamesTheProcessCheck()
    {
        using var web = WebPort.Open(_cluster.District);

        var response = await web.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", Status(body, "process"));
    }

    /// <summary>/readyz once it answers <paramref name="expected"/> (the subscription retries on the node's clock, which the wait moves).</summary>
    private async Task<JsonDocument> ReadyAsync(HttpClient web, HttpStatusCode expected) =>
        await _cluster.EventuallyAsync(
            async () =>
            {
                var response = await web.GetAsync("/readyz");
                return response.StatusCode == expected ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()) : null;
            },
            $"/readyz to answer {expected}");

    private static string? Status(JsonDocument report, string check) =>
        report.RootElement.GetProperty("checks").GetProperty(check).GetProperty("status").GetString();
}
