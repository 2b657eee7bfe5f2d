using Dispatch.Application.Writing;
using Dispatch.Data.Escalation;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Node.Escalation;

/// <summary>
/// Hands the outbox messages a commit made pending to the relay (<see cref="OutboxSignal"/>), in sequence order, with
/// the node each one's case is escalated to, as the relay's own read of the outbox would give them: from the case
/// the batch loaded, or read here for one it did not load (supervision orders go to the parent whatever the case).
/// Every message is handed over, in commit order, so the relay keeps each case's messages in their order.
/// </summary>
internal sealed class OutboxHandOver(OutboxSignal signal) : ICommitObserver
{
    // Set and read on the writer's thread only: what the batch about to be saved adds to the outbox or makes pending again.
    private List<OutboxMessage>? _staged;

    public void Staged(WriteBatch batch)
    {
        _staged = null;
        foreach (var entry in batch.Context.ChangeTracker.Entries<OutboxMessage>())
        {
            if (entry.State == EntityState.Added || (entry.State == EntityState.Modified && entry.Entity.IsPending))
            {
                (_staged ??= []).Add(entry.Entity);
            }
        }
    }

    public void Committed(WriteBatch batch)
    {
        var messages = _staged;
        _staged = null;
        if (messages is null || !signal.Attached)
        {
            return;
        }

        var context = batch.Context;
        var handed = new List<CommittedMessage>(messages.Count);
        foreach (var message in messages.OrderBy(m => m.Sequence))
        {
            var target = message.Kind == OutboxKind.Supervision ? null
                : context.Cases.Local.FindEntry(message.CaseId)?.Entity is { } @case ? @case.EscalatedToNodeId
                : context.Cases.Where(c => c.Id == message.CaseId).Select(c => c.EscalatedToNodeId).FirstOrDefault();
            handed.Add(new CommittedMessage(message, target));
        }

        signal.Committed(handed);
    }
}
