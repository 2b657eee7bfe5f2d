using Dispatch.Domain.Cases;

namespace Dispatch.Domain.Tests.Support;

/// <summary>
/// Performs a lifecycle action with valid arguments by the right people, for table-driven tests.
/// The parent's moves reach an escalated case as mirrored updates; those must be applied, not ignored.
/// </summary>
internal static class CaseActions
{
    public static void Perform(Case target, CaseAction action, DateTimeOffset now)
    {
        switch (action)
        {
            case CaseAction.Accept: target.Accept(Actors.Dispatcher, now); break;
            case CaseAction.Reject: target.Reject(Actors.Dispatcher, now, "Not a public matter"); break;
            case CaseAction.Assign: target.Assign(Actors.Dispatcher, now, Assignee.Worker(Actors.Worker)); break;
            case CaseAction.Start: target.Start(Actors.Worker, now); break;
            case CaseAction.Resolve: target.Resolve(Actors.Worker, now, "Fixed"); break;
            case CaseAction.VerifyPass: target.Verify(Actors.Reporter, now, passed: true); break;
            case CaseAction.VerifyFail: target.Verify(Actors.Reporter, now, passed: false, "Not fixed"); break;
            case CaseAction.Defer: target.Defer(Actors.Dispatcher, now, now.AddDays(1), "Waiting"); break;
            case CaseAction.Resume: target.Resume(Actors.Dispatcher, now); break;
            case CaseAction.Reopen: target.Reopen(Actors.Dispatcher, now, "The problem came back"); break;
            case CaseAction.Escalate: target.MarkEscalated(Actors.Dispatcher, now, "Needs the town"); break;
            case CaseAction.Merge: target.MergeInto(Actors.Dispatcher, now, new CaseBuilder().Build()); break;
            case CaseAction.ParentResolve: Applied(target.MirrorParent(now, CaseStatus.Resolved, handedBack: false, "Fixed by the town")); break;

            // On an escalated case the hand-back comes from the parent (child side); anywhere else this
            // node is the parent handing the case back to its child.
            case CaseAction.ReturnEscalation when target.Status == CaseStatus.Escalated:
                Applied(target.MirrorParent(now, CaseStatus.Rejected, handedBack: true, "The village can handle this"));
                break;
            case CaseAction.ReturnEscalation: target.ReturnToChild(Actors.Dispatcher, now, "The village can handle this"); break;
            case CaseAction.RefuseEscalation: target.RefuseEscalation(now, Nodes.Town, "InvalidArgument: category_code: unknown category"); break;
            default: throw new ArgumentOutOfRangeException(nameof(action), action, "Not performed by a method of its own.");
        }
    }

    private static void Applied(bool mirrored)
    {
        if (!mirrored)
        {
            throw new InvalidOperationException("The case ignored its parent's update: it is not escalated.");
        }
    }
}
