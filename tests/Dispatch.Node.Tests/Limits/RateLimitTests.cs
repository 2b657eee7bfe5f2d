using System.Net;
using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Node.Tests.Limits;

/// <summary>
/// Rate limits per signed-in user and per remote address (calls without a credential): over a limit a call answers
/// RESOURCE_EXHAUSTED with retry information, a web request 429 with Retry-After; the limits refill on the node's fake clock.
/// </summary>
public abstract class RateLimitTests(StorageKind storage) : ScenarioTestBase(storage)
{
    private const int Burst = 20;

    protected override IReadOnlyDictionary<string, string?> NodeSettings => new Dictionary<string, string?>
    {
        ["Limits:PerUser:PerSecond"] = "1",
        ["Limits:PerUser:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Limits:PerAddress:PerSecond"] = "1",
        ["Limits:PerAddress:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task Calls_OverTheUsersRate_ResourceExhaustedWithPushback_AnotherUserIsNotSlowed_RefilledByTheClock()
    {
        var worker = await As("worker1");
        var dispatcher = await As("dispatcher");
        for (var i = 0; i < Burst; i++)
        {
            await worker.ListCasesAsync(new ListCasesRequest());
        }

        var refused = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, worker.ListCasesAsync(new ListCasesRequest()), "rate limit", "retry in 1000 ms");
        Assert.Equal("1000", refused.Trailers.GetValue("grpc-retry-pushback-ms"));
        await dispatcher.ListCasesAsync(new ListCasesRequest());

        Node.Clock.Advance(TimeSpan.FromSeconds(1));
        await worker.ListCasesAsync(new ListCasesRequest());
    }

    [Fact]
    public async Task WebRequests_OverTheAddressRate_429WithRetryAfter()
    {
        using var browser = WebPort.Open(Node);
        HttpResponseMessage? refused = null;
        for (var i = 0; i <= Burst * 2 && refused is null; i++)
        {
            var response = await browser.GetAsync("/signin");
            refused = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(refused);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("retry in", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Node.Clock.Advance(TimeSpan.FromSeconds(Burst));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/signin")).StatusCode);
    }
}

public sealed class RateLimitSqliteTests() : RateLimitTests(StorageKind.Sqlite);
