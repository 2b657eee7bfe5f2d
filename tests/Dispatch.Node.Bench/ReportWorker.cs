using System.Diagnostics;
using Grpc.Core;

namespace Dispatch.Node.Bench;

/// <summary>
/// One caller: ReportCase back to back until the stop time, or, with a <see cref="ReportSchedule"/>, each call at
/// the due time it takes from the schedule. Latencies of calls started (or due) after the warm-up count.
/// </summary>
internal sealed class ReportWorker(NodeSession session, ReportRequests requests, int caller, long measureFrom, long stopAt, ReportSchedule? schedule)
{
    public List<long> Latencies { get; } = new(capacity: 1 << 14);

    public int Errors { get; private set; }

    public RpcException? FirstError { get; private set; }

    public async Task RunAsync()
    {
        for (long sequence = 0; ; sequence++)
        {
            var request = requests.Next(caller, sequence);
            var started = await StartAsync().ConfigureAwait(false);
            if (started >= stopAt)
            {
                return;
            }

            try
            {
                var response = await session.Cases.ReportCaseAsync(request, session.Call).ResponseAsync.ConfigureAwait(false);
                if (!response.Created)
                {
                    throw new RpcException(new Status(StatusCode.Internal, $"request {request.RequestId} was not new"));
                }

                if (started >= measureFrom)
                {
                    Latencies.Add(Stopwatch.GetTimestamp() - started);
                }
            }
            catch (RpcException error)
            {
                if (started >= measureFrom)
                {
                    Errors++;
                }

                FirstError ??= error;
            }
        }
    }

    /// <summary>
    /// When the next call starts, as the point its latency counts from. Unpaced: now. Paced: its due time if this
    /// caller is already late for it (the node kept it busy), else the moment it was sent after waiting for the
    /// due time (so the timer's own lateness, a property of this process, is not charged to the node).
    /// </summary>
    private async ValueTask<long> StartAsync()
    {
        var now = Stopwatch.GetTimestamp();
        if (schedule is null)
        {
            return now;
        }

        var due = schedule.TakeNext();
        if (due <= now || due >= stopAt)
        {
            return due;
        }

        await Task.Delay(Stopwatch.GetElapsedTime(now, due)).ConfigureAwait(false);
        return Stopwatch.GetTimestamp();
    }
}
