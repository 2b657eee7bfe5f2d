using Dispatch.Application.Security;
using Dispatch.Application.Supervision;
using Dispatch.Domain.Cases;

namespace Dispatch.Application.Cases;

/// <summary>
/// Which actions a caller can take on a case as it stands: the caller's role and scope (<see cref="CasePermissions"/>),
/// the case's own rules (<see cref="Case.Allows"/>) and this node's place in the tiers, the same checks the use cases
/// make before they change anything. A front end offers exactly these; the use cases still decide each call.
/// </summary>
internal sealed class CaseActions(CaseCommands commands, SupervisionCommands supervision)
{
    /// <summary>The moves a user takes (the others follow the parent node or the platform).</summary>
    private static readonly CaseAction[] UserMoves =
    [
        CaseAction.Accept, CaseAction.Reject, CaseAction.Assign, CaseAction.Start, CaseAction.Resolve, CaseAction.VerifyPass,
        CaseAction.VerifyFail, CaseAction.Defer, CaseAction.Resume, CaseAction.Reopen, CaseAction.Escalate, CaseAction.ReturnEscalation,
        CaseAction.Merge,
    ];

    public CaseChoices AvailableTo(CallerIdentity caller, Case @case)
    {
        var moves = UserMoves
            .Where(action => CasePermissions.CanAct(caller, @case, OperationOf(action)) && @case.Allows(action, caller.UserId))
            .Where(action => action != CaseAction.Escalate || commands.CanEscalate)
            .ToHashSet();
        return new CaseChoices(
            moves,
            Rate: CasePermissions.CanAct(caller, @case, CaseOperation.Rate) && @case.AllowsRating(caller.UserId),
            Summon: supervision.CanSummon(caller) && @case.CanBeSupervised);
    }

    /// <summary>The operation (a row of the permission table) a move is.</summary>
    private static CaseOperation OperationOf(CaseAction action) => action switch
    {
        CaseAction.Accept => CaseOperation.Accept,
        CaseAction.Reject => CaseOperation.Reject,
        CaseAction.Assign => CaseOperation.Assign,
        CaseAction.Start => CaseOperation.Start,
        CaseAction.Resolve => CaseOperation.Resolve,
        CaseAction.VerifyPass or CaseAction.VerifyFail => CaseOperation.Verify,
        CaseAction.Defer => CaseOperation.Defer,
        CaseAction.Resume => CaseOperation.Resume,
        CaseAction.Reopen => CaseOperation.Reopen,
        CaseAction.Escalate => CaseOperation.Escalate,
        CaseAction.ReturnEscalation => CaseOperation.ReturnEscalation,
        CaseAction.Merge => CaseOperation.Merge,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
