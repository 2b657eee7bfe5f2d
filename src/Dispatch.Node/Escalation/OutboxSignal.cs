using System.Collections.Concurrent;
using Dispatch.Application.Feed;

namespace Dispatch.Node.Escalation;

/// <summary>
/// From the writer to the outbox relay: the messages a commit added to the outbox or made pending again, each with
/// the node its case is escalated to, so the relay sends them without reading them back. Only commits that touched
/// the outbox wake the relay: waking it after every commit had it read the outbox five times per escalation at a
/// village (the report, its acceptance, the parent's status updates...), finding nothing new four times.
/// </summary>
internal sealed class OutboxSignal : CommitSignal
{
    private readonly ConcurrentQueue<CommittedMessage> _committed = new();
    private int _attached;

    /// <summary>
    /// Whether a relay takes what is handed over. A node without a parent runs none (and makes no messages:
    /// escalating there is refused); anything handed to nobody would pile up here.
    /// </summary>
    public bool Attached => Volatile.Read(ref _attached) == 1;

    /// <summary>The relay, starting: from now on committed messages are handed over.</summary>
    public void Attach() => Volatile.Write(ref _attached, 1);

    /// <summary>Hands over the messages of a commit, in sequence order, and wakes the relay.</summary>
    public void Committed(IEnumerable<CommittedMessage> messages)
    {
        foreach (var message in messages)
        {
            _committed.Enqueue(message);
        }

        Notify();
    }

    /// <summary>The next message handed over, oldest first.</summary>
    public bool TryTake(out CommittedMessage message) => _committed.TryDequeue(out message);
}
