using Dispatch.Application.Common;
using Dispatch.Application.Escalation;
using Dispatch.Data;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Supervision;

/// <summary>
/// The supervision orders a node owns, changed inside the write of the case change that causes them: each
/// change of an order is sent to the supervising parent through the outbox in the same transaction (the
/// escalations' exactly-once path). A district, which has no parent, supervises itself: nothing is sent.
/// </summary>
internal sealed class SupervisionLedger(EscalationOutbox outbox, NodeSettings node)
{
    /// <summary>Opens a breach order on a running case: recorded on the case, kept here, sent up.</summary>
    public SupervisionOrder OpenBreach(DispatchDbContext context, Case @case, TimeSpan limit, string reason, DateTimeOffset now)
    {
        var supervisor = node.SupervisorId;
        var dueAt = now + limit;
        @case.OpenSupervision(now, dueAt, supervisor, reason);
        var order = SupervisionOrder.ForBreach(Guid.CreateVersion7(now), @case, node.Id, supervisor, reason, now, dueAt);
        context.SupervisionOrders.Add(order);
        Publish(context, order, now);
        return order;
    }

    /// <summary>Sends an order's current state to the supervising parent (nothing for a district's own orders).</summary>
    public void Publish(DispatchDbContext context, SupervisionOrder order, DateTimeOffset now)
    {
        if (order.SupervisorNodeId != node.Id)
        {
            outbox.Supervise(context, order, now);
        }
    }

    /// <summary>
    /// After a change that took the case out of this node's hands (closed, rejected, merged, escalated): its
    /// open or breached orders end. Costs a query only on that change, not on every change of a closed case.
    /// </summary>
    public Task AfterCaseLeftAsync(DispatchDbContext context, Case @case, bool wasOpen, DateTimeOffset now) =>
        !wasOpen || @case.IsOpen
            ? Task.CompletedTask
            : ChangeOrdersAsync(context, @case, NotEnded, order => order.Close(now), now);

    /// <summary>Marks the case's open breach orders breached (their deadline is the case's supervision deadline).</summary>
    public Task BreachOrdersOfAsync(DispatchDbContext context, Case @case, DateTimeOffset now) =>
        ChangeOrdersAsync(context, @case, OpenBreaches, order => order.Breach(now), now);

    // Compiled (CompiledQuery): every change that takes a case out of the node's hands looks its orders up.
    private static readonly CompiledQuery<Func<DispatchDbContext, Guid, string, IAsyncEnumerable<SupervisionOrder>>> NotEnded = new(() => EF.CompileAsyncQuery(
        (DispatchDbContext context, Guid caseId, string nodeId) => context.SupervisionOrders.Where(o =>
            o.CaseId == caseId && o.CaseNodeId == nodeId && (o.Status == SupervisionOrderStatus.Open || o.Status == SupervisionOrderStatus.Breached))));

    private static readonly CompiledQuery<Func<DispatchDbContext, Guid, string, IAsyncEnumerable<SupervisionOrder>>> OpenBreaches = new(() => EF.CompileAsyncQuery(
        (DispatchDbContext context, Guid caseId, string nodeId) => context.SupervisionOrders.Where(o =>
            o.CaseId == caseId && o.CaseNodeId == nodeId && o.Kind == SupervisionOrderKind.Breach && o.Status == SupervisionOrderStatus.Open)));

    /// <summary>Applies <paramref name="change"/> to this node's orders of the case that match, and sends up each that changed.</summary>
    private async Task ChangeOrdersAsync(
        DispatchDbContext context,
        Case @case,
        CompiledQuery<Func<DispatchDbContext, Guid, string, IAsyncEnumerable<SupervisionOrder>>> which,
        Func<SupervisionOrder, bool> change,
        DateTimeOffset now)
    {
        var orders = await which.For(context)(context, @case.Id, node.Id).ToListAsync();
        foreach (var order in orders)
        {
            if (change(order))
            {
                Publish(context, order, now);
            }
        }
    }
}
