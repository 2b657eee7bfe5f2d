using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

/// <summary>
/// A case assigned to a worker is started and resolved by that worker. For a department the domain
/// cannot tell who belongs to it; the host checks the handler's department.
/// </summary>
internal sealed class OnlyAssignedWorkerCanHandle(Assignee? assignee, Guid actorId) : IBusinessRule
{
    public bool IsBroken() => assignee is { Kind: AssigneeKind.Worker } && assignee.Id != actorId;

    public string Message => $"The case is assigned to worker {assignee?.Id}; user {actorId} cannot handle it.";
}
