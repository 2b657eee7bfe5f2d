using Dispatch.Application.Cases;
using Dispatch.Application.Common;
using Dispatch.Application.Deadlines;
using Dispatch.Application.Errors;
using Dispatch.Application.Security;
using Dispatch.Application.Writing;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Common;
using Dispatch.Domain.Deadlines;
using Dispatch.Domain.Directory;
using Dispatch.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Supervision;

/// <summary>Summons and their acknowledgement, and the copies of orders that child nodes send up.</summary>
internal sealed class SupervisionCommands(CaseWriter writer, DeadlineSettings deadlines, NodeSettings node, TimeProvider clock)
{
    public const int MaxDepartmentsPerSummons = 10;
    public const int NoteMaxLength = 1_000;

    private static readonly Permission Summon = PermissionTable.Of(PermissionTable.SupervisionService, "SummonDepartments");
    private static readonly Permission Acknowledge = PermissionTable.Of(PermissionTable.SupervisionService, "AcknowledgeSummons");

    /// <summary>A town or district dispatcher summons departments to a running case; each gets its own summons.</summary>
    public Task<(Case Case, IReadOnlyList<SupervisionOrder> Orders)> SummonAsync(
        CallerIdentity caller, Guid caseId, int expectedVersion, IReadOnlyList<Guid> departmentIds, string reason, CancellationToken cancellationToken)
    {
        if (SummonRefusal(caller) is { } refusal)
        {
            throw refusal;
        }

        if (departmentIds.Count is 0 or > MaxDepartmentsPerSummons)
        {
            throw new InvalidRequestException("department_ids", $"must name 1 to {MaxDepartmentsPerSummons} departments.");
        }

        if (departmentIds.Distinct().Count() != departmentIds.Count)
        {
            throw new InvalidRequestException("department_ids", "names a department twice.");
        }

        var limit = (deadlines.Policy ?? DeadlinePolicy.Default).SummonsLimit;
        return writer.WriteAsync(
            async context =>
            {
                var @case = await CaseRows.LoadAsync(context, caseId);
                CaseRows.EnsureVersion(@case, expectedVersion);
                var departments = await context.Departments.Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name);
                var missing = departmentIds.FirstOrDefault(id => !departments.ContainsKey(id));
                if (missing != Guid.Empty)
                {
                    throw new NotFoundException("Department", missing.ToString());
                }

                var now = clock.GetUtcNow();
                var before = @case.Version;
                var orders = departmentIds
                    .Select(id => SupervisionOrder.Summon(Guid.CreateVersion7(now), @case, node.Id, id, reason, now, now + limit))
                    .ToList();
                var names = string.Join(", ", departmentIds.Select(id => departments[id]));
                @case.RecordDeadlineEvent(CaseEventType.CaseSummoned, caller.UserId, now, Fit($"Summoned {names} (to acknowledge by {now + limit:yyyy-MM-dd HH:mm} UTC): {reason}"));
                context.SupervisionOrders.AddRange(orders);
                CaseRows.AppendToFeed(context, @case, before);
                return (@case, (IReadOnlyList<SupervisionOrder>)orders);
            },
            cancellationToken);
    }

    /// <summary>Whether <see cref="SummonAsync"/> lets the caller summon at this node (role and tier; the case's state is the domain's).</summary>
    public bool CanSummon(CallerIdentity caller) => SummonRefusal(caller) is null;

    private Exception? SummonRefusal(CallerIdentity caller) =>
        Summon.RoleRefusal(caller.Role) is { } refusal
            ? new AccessDeniedException(refusal)
            : !node.IsTownOrDistrict
                ? new DomainRuleException("SummonsComeFromTownOrDistrict", $"This node is a {node.Tier}: departments are summoned by a town or district centre.")
                : null;

    /// <summary>A handler of the summoned department acknowledges an open summons of this node.</summary>
    public Task<SupervisionOrder> AcknowledgeAsync(CallerIdentity caller, Guid orderId, string? note, CancellationToken cancellationToken)
    {
        var scope = Acknowledge.Require(caller);

        if (note is { Length: > NoteMaxLength })
        {
            throw new InvalidRequestException("note", $"is longer than {NoteMaxLength} characters.");
        }

        return writer.WriteAsync(
            async context =>
            {
                var order = await context.SupervisionOrders.FirstOrDefaultAsync(o => o.Id == orderId && o.CaseNodeId == node.Id)
                    ?? throw new NotFoundException("Summons", orderId.ToString());
                if (order.DepartmentId is not { } department || !caller.CoversDepartment(scope, department))
                {
                    throw new AccessDeniedException($"Summons {orderId} is for another department.");
                }

                var now = clock.GetUtcNow();
                order.Acknowledge(caller.UserId, now);
                var @case = await CaseRows.FindAsync(context, order.CaseId);
                if (@case is { ClockRuns: true })
                {
                    var before = @case.Version;
                    @case.RecordDeadlineEvent(CaseEventType.CaseSummonsAcknowledged, caller.UserId, now, Fit(string.IsNullOrWhiteSpace(note) ? "Summons acknowledged." : $"Summons acknowledged: {note}"));
                    CaseRows.AppendToFeed(context, @case, before);
                }

                return order;
            },
            cancellationToken);
    }

    /// <summary>
    /// Parent side: keeps a child's order (the child decides it; the newest version wins, so a retried or
    /// reordered delivery changes nothing). Returns the version held.
    /// </summary>
    public Task<int> ReceiveCopyAsync(string childId, SupervisionOrder copy, CancellationToken cancellationToken)
    {
        if (copy.CaseNodeId != childId)
        {
            throw new AccessDeniedException($"Node {childId} cannot send the orders of node {copy.CaseNodeId}.");
        }

        if (copy.SupervisorNodeId != node.Id)
        {
            throw new InvalidRequestException("order.supervisor_node_id", $"is {copy.SupervisorNodeId}, not this node ({node.Id}).");
        }

        return writer.WriteAsync(
            async context =>
            {
                // Found in the batch too: a copy of the same order that an earlier item of this batch added (a child's
                // relay resending after a timeout) is the one held, so the newer version wins here as it would in the table.
                var held = await context.SupervisionOrders.FindAsync(copy.Id);
                if (held is null)
                {
                    // The call's copy stays as it came: if the batch is run again, this starts from it again, not
                    // from what a later copy of the same order in the batch made of it.
                    var added = copy.Duplicate();
                    context.SupervisionOrders.Add(added);
                    return added.Version;
                }

                if (held.CaseNodeId != childId)
                {
                    throw new AccessDeniedException($"Order {copy.Id} belongs to another node.");
                }

                held.ApplyCopy(copy);
                return held.Version;
            },
            cancellationToken);
    }

    private static string Fit(string note) => note.Length <= CaseLimits.NoteMaxLength ? note : note[..(CaseLimits.NoteMaxLength - 1)] + "…";
}
