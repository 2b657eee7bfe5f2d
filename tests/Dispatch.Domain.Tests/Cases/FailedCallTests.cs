using Dispatch.Domain.Cases;
using Dispatch.Domain.Common;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Cases;

/// <summary>A call that throws leaves every part of the case as it was, whichever check failed.</summary>
public sealed class FailedCallTests
{
    public static TheoryData<string, CaseStatus, Action<Case>> FailingCalls() => new()
    {
        { "accept twice", CaseStatus.Accepted, c => c.Accept(Actors.Dispatcher, Moments.Hours(1)) },
        { "assign a closed case", CaseStatus.Closed, c => c.Assign(Actors.Dispatcher, Moments.Hours(1), Assignee.Worker(Actors.Worker)) },
        { "start by another worker", CaseStatus.Assigned, c => c.Start(Actors.OtherWorker, Moments.Hours(1)) },
        { "resolve with a bad reference after good ones", CaseStatus.InProgress, c => c.Resolve(Actors.Worker, Moments.Hours(1), "Fixed", [Evidence.Sha256, Evidence.AfterPhoto, "not evidence"]) },
        { "resolve without actor", CaseStatus.InProgress, c => c.Resolve(Guid.Empty, Moments.Hours(1), "Fixed") },
        { "verify by the resolver", CaseStatus.Resolved, c => c.Verify(Actors.Worker, Moments.Hours(1), passed: false, "Not fixed") },
        { "fail verification without a note", CaseStatus.Resolved, c => c.Verify(Actors.Reporter, Moments.Hours(1), passed: false) },
        { "defer until the past", CaseStatus.InProgress, c => c.Defer(Actors.Dispatcher, Moments.Hours(2), Moments.Hours(1), "Waiting") },
        { "defer with an over-long reason", CaseStatus.Assigned, c => c.Defer(Actors.Dispatcher, Moments.Hours(1), Moments.Hours(9), new string('r', 2_001)) },
        { "defer a resolved case", CaseStatus.Resolved, c => c.Defer(Actors.Dispatcher, Moments.Hours(1), Moments.Hours(9), "Waiting") },
        { "reschedule a deferred case", CaseStatus.Deferred, c => c.Reschedule(Moments.Hours(1), Moments.Hours(48)) },
        { "mark overdue without a deadline", CaseStatus.InProgress, c => c.MarkOverdue(Moments.Hours(100)) },
        { "rate an open case", CaseStatus.Resolved, c => c.Rate(Actors.Reporter, Moments.Hours(1), 5) },
        { "reopen without reason", CaseStatus.Closed, c => c.Reopen(Actors.Dispatcher, Moments.Hours(1), "") },
        { "merge into itself", CaseStatus.Reported, c => c.MergeInto(Actors.Dispatcher, Moments.Hours(1), c) },
        { "escalate a rejected case", CaseStatus.Rejected, c => c.MarkEscalated(Actors.Dispatcher, Moments.Hours(1), "Late") },
    };

    [Theory]
    [MemberData(nameof(FailingCalls))]
    public void Call_ThatFails_ChangesNothing(string scenario, CaseStatus status, Action<Case> call)
    {
        var target = new CaseBuilder().BuildIn(status);
        var before = CaseSnapshot.Of(target);
        var history = target.History.ToList();

        var error = Assert.ThrowsAny<DomainException>(() => call(target));

        Assert.False(string.IsNullOrWhiteSpace(error.Rule), scenario);
        Assert.Equal(before, CaseSnapshot.Of(target));
        Assert.Equal(history, target.History);
    }
}
