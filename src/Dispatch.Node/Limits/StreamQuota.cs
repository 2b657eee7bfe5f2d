using Dispatch.Application.Errors;
using Microsoft.Extensions.Options;

namespace Dispatch.Node.Limits;

/// <summary>
/// Open server streams (WatchCases, Subscribe) per caller: each holds a place until it ends, and one over
/// <see cref="LimitOptions.StreamsPerCaller"/> is refused with RESOURCE_EXHAUSTED naming the limit.
/// </summary>
internal sealed class StreamQuota(IOptions<LimitOptions> options)
{
    private readonly Dictionary<string, int> _open = [];

    /// <summary>A place for one stream of <paramref name="caller"/>, held until disposed.</summary>
    public IDisposable Open(string caller)
    {
        var limit = options.Value.StreamsPerCaller;
        lock (_open)
        {
            var open = _open.GetValueOrDefault(caller);
            if (open >= limit)
            {
                throw new LimitExceededException(
                    $"This caller already has {open} open streams, the most this node allows (Limits:StreamsPerCaller = {limit}); close one (WatchCases or Subscribe) first.");
            }

            _open[caller] = open + 1;
        }

        return new Place(this, caller);
    }

    private void Close(string caller)
    {
        lock (_open)
        {
            if (_open[caller] == 1)
            {
                _open.Remove(caller);
            }
            else
            {
                _open[caller]--;
            }
        }
    }

    private sealed class Place(StreamQuota quota, string caller) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                quota.Close(caller);
            }
        }
    }
}
