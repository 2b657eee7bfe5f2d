namespace Dispatch.Node.Bench;

/// <summary>A node's command centre listing: the bench's list filters in turn, at a fixed rate, until the stop time.</summary>
internal static class SoakLists
{
    public static async Task RunAsync(SoakSessions sessions, SoakMetrics metrics, int rate, long stopAt)
    {
        var filters = await ListFilters.DiscoverAsync(sessions.Dispatcher);
        await PacedCallers.RunAsync(rate, 2, stopAt, async index =>
        {
            var filter = filters[(int)(index % filters.Count)];
            var caller = filter.AsGridWorker ? sessions.Worker : sessions.Dispatcher;
            await metrics.CallAsync("list", () => caller.Cases.ListCasesAsync(filter.Request, caller.Call).ResponseAsync);
        });
    }
}
