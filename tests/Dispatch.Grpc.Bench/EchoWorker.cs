using System.Diagnostics;
using Grpc.Core;

namespace Dispatch.Grpc.Bench;

/// <summary>One caller: unary calls back to back until the stop time; latencies after the warm-up count.</summary>
internal sealed class EchoWorker(Echo.EchoClient client, Blob request, long measureFrom, long stopAt)
{
    public List<long> Latencies { get; } = new(capacity: 1 << 16);

    public int Errors { get; private set; }

    public RpcException? FirstError { get; private set; }

    public async Task RunAsync()
    {
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            if (started >= stopAt)
            {
                return;
            }

            try
            {
                using var call = client.CallAsync(request);
                await call.ResponseAsync.ConfigureAwait(false);
                if (started >= measureFrom)
                {
                    Latencies.Add(Stopwatch.GetTimestamp() - started);
                }
            }
            catch (RpcException error)
            {
                Errors++;
                FirstError ??= error;
            }
        }
    }
}
