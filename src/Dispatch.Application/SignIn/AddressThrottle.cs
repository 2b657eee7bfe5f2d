using System.Collections.Concurrent;
using System.Globalization;
using Dispatch.Application.Errors;
using Microsoft.Extensions.Options;

namespace Dispatch.Application.SignIn;

/// <summary>
/// Failed sign-ins per remote address, in this process's memory: an address with too many within the window is refused
/// (<see cref="LimitExceededException"/>, with the time until its oldest failure stops counting) before any password is
/// checked. Per replica: what it guards against is one address trying many passwords fast, which each replica sees.
/// </summary>
internal sealed class AddressThrottle(IOptions<SignInLimits> options, TimeProvider clock)
{
    // Addresses whose failures have all expired are dropped when this many are kept.
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new();

    public void EnsureAllowed(string? address)
    {
        if (address is null || !_failures.TryGetValue(address, out var failures))
        {
            return;
        }

        var limits = options.Value;
        var now = clock.GetUtcNow();
        lock (failures)
        {
            Expire(failures, now - limits.AddressWindow);
            if (failures.Count >= limits.AddressMaxFailures)
            {
                var retryAfter = failures.Peek() + limits.AddressWindow - now;
                throw new LimitExceededException(
                    string.Create(CultureInfo.InvariantCulture, $"Too many failed sign-ins from this address; retry in {Math.Ceiling(retryAfter.TotalSeconds):F0} s."),
                    retryAfter);
            }
        }
    }

    public void Failed(string? address)
    {
        if (address is null)
        {
            return;
        }

        var limits = options.Value;
        var now = clock.GetUtcNow();
        if (_failures.Count > PruneAbove)
        {
            Prune(now - limits.AddressWindow);
        }

        var failures = _failures.GetOrAdd(address, _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            Expire(failures, now - limits.AddressWindow);
            failures.Enqueue(now);
            while (failures.Count > limits.AddressMaxFailures)
            {
                failures.Dequeue();
            }
        }
    }

    private void Prune(DateTimeOffset since)
    {
        foreach (var (address, failures) in _failures)
        {
            lock (failures)
            {
                Expire(failures, since);
                if (failures.Count == 0)
                {
                    _failures.TryRemove(address, out _);
                }
            }
        }
    }

    private static void Expire(Queue<DateTimeOffset> failures, DateTimeOffset since)
    {
        while (failures.Count > 0 && failures.Peek() <= since)
        {
            failures.Dequeue();
        }
    }
}
