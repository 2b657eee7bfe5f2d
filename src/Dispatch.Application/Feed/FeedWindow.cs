namespace Dispatch.Application.Feed;

/// <summary>
/// The newest entries of the case feed as last read for all watchers: every entry with a sequence above
/// <see cref="From"/> up to <see cref="End"/>, in order. Immutable; <see cref="Next"/> completes when a newer window
/// replaces it.
/// </summary>
internal sealed class FeedWindow(long from, FeedRow[] entries, long end, Task next)
{
    /// <summary>False until the tail has read the feed's end: a watcher waits for <see cref="Next"/> then.</summary>
    public bool IsRead { get; private init; } = true;

    /// <summary>The window before the tail's first read.</summary>
    public static FeedWindow Unread(Task next) => new(0, [], 0, next) { IsRead = false };

    public long From { get; } = from;

    public long End { get; } = end;

    public Task Next { get; } = next;

    public FeedRow[] Entries { get; } = entries;

    /// <summary>The entries after a sequence the window covers (<paramref name="after"/> at least <see cref="From"/>).</summary>
    public ArraySegment<FeedRow> After(long after)
    {
        var low = 0;
        var high = Entries.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (Entries[middle].Sequence <= after)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return new ArraySegment<FeedRow>(Entries, low, Entries.Length - low);
    }
}
