using System.Diagnostics;
using Grpc.Core;

namespace Dispatch.Node.Bench;

/// <summary>One caller: ReportCase back to back until the stop time; latencies after the warm-up count.</summary>
internal sealed class ReportWorker(NodeSession session, ReportRequests requests, int caller, long measureFrom, long stopAt)
{
    public List<long> Latencies { get; } = new(capacity: 1 << 14);

    public int Errors { get; private set; }

    public RpcException? FirstError { get; private set; }

    public async Task RunAsync()
    {
        for (long sequence = 0; ; sequence++)
        {
            var request = requests.Next(caller, sequence);
            var started = Stopwatch.GetTimestamp();
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
}
