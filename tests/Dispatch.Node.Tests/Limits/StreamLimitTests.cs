using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Node.Tests.Limits;

/// <summary>Open WatchCases streams per caller: one over the limit is RESOURCE_EXHAUSTED naming it; a closed stream gives its place back.</summary>
public abstract class StreamLimitTests(StorageKind storage) : ScenarioTestBase(storage)
{
    private const int Streams = 2;

    protected override IReadOnlyDictionary<string, string?> NodeSettings => new Dictionary<string, string?>
    {
        ["Limits:StreamsPerCaller"] = Streams.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task WatchCases_MoreStreamsThanTheCallersLimit_ResourceExhaustedNamingIt_AClosedStreamGivesItsPlaceBack()
    {
        await ReportedAsync();
        var dispatcher = await As("dispatcher");
        var open = new List<AsyncServerStreamingCall<WatchCasesResponse>>();
        for (var i = 0; i < Streams; i++)
        {
            var call = dispatcher.WatchCases(new WatchCasesRequest());
            await call.ResponseStream.ReadAsync(1);
            open.Add(call);
        }

        using (var over = dispatcher.WatchCases(new WatchCasesRequest()))
        {
            await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, () => over.ResponseStream.MoveNext(), "Limits:StreamsPerCaller", "2");
        }

        // Another caller has places of its own.
        using (var supervisor = (await As("supervisor")).WatchCases(new WatchCasesRequest()))
        {
            await supervisor.ResponseStream.ReadAsync(1);
        }

        open[0].Dispose();
        using var again = await OpenOnceAPlaceIsFreeAsync(dispatcher);
        open[1].Dispose();
    }

    /// <summary>
    /// The server gives a cancelled stream's place back when its handler ends, after the client has moved on: opens
    /// streams until one is let in, each refusal being the limit's.
    /// </summary>
    private static async Task<AsyncServerStreamingCall<WatchCasesResponse>> OpenOnceAPlaceIsFreeAsync(CaseService.CaseServiceClient client)
    {
        for (var attempt = 0; ; attempt++)
        {
            var call = client.WatchCases(new WatchCasesRequest());
            try
            {
                await call.ResponseStream.ReadAsync(1);
                return call;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted && attempt < 1_000)
            {
                call.Dispose();
                await Task.Yield();
            }
        }
    }
}

public sealed class StreamLimitSqliteTests() : StreamLimitTests(StorageKind.Sqlite);
