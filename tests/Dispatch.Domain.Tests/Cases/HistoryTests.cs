using Dispatch.Domain.Cases;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Cases;

public sealed class HistoryTests
{
    [Fact]
    public void History_FullClosedLoop_RecordsEveryStepInOrder()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Closed);

        Assert.Equal(
            [
                CaseEventType.CaseReported, CaseEventType.CaseAccepted, CaseEventType.CaseAssigned,
                CaseEventType.CaseStarted, CaseEventType.CaseResolved, CaseEventType.CaseVerified,
            ],
            target.History.Select(e => e.Type));
        Assert.Equal(
            [Actors.Reporter, Actors.Dispatcher, Actors.Dispatcher, Actors.Worker, Actors.Worker, Actors.Reporter],
            target.History.Select(e => e.ActorId!.Value));
    }

    [Fact]
    public void History_AnyPath_HasIncreasingSequenceChainedStatusesAndVersionOfLastEvent()
    {
        var target = new CaseBuilder().DueAt(Moments.Hours(24)).BuildIn(CaseStatus.Returned);
        target.Defer(Actors.Dispatcher, Moments.Hours(1), Moments.Hours(30), "Waiting");
        target.Resume(Actors.Dispatcher, Moments.Hours(2));
        target.Start(Actors.Worker, Moments.Hours(3));
        target.MarkEscalated(Actors.Dispatcher, Moments.Hours(4), "Needs the town");

        var history = target.History;
        Assert.Equal(Enumerable.Range(1, history.Count), history.Select(e => e.Sequence));
        Assert.Equal(history.Count, target.Version);
        Assert.All(history, e => Assert.Equal(target.Id, e.CaseId));
        for (var i = 1; i < history.Count; i++)
        {
            Assert.Equal(history[i - 1].ToStatus, history[i].FromStatus);
            Assert.True(history[i - 1].At <= history[i].At);
        }

        Assert.Equal(target.Status, history[^1].ToStatus);
        Assert.Equal(history[^1].At, target.UpdatedAt);
    }

    [Fact]
    public void History_LaterChanges_LeaveEarlierEventsUntouched()
    {
        var target = new CaseBuilder().Build();
        var first = target.History[0];
        var before = (first.Sequence, first.Type, first.At, first.ActorId, first.FromStatus, first.ToStatus, first.Note, first.DueAt, Evidence: string.Join(" ", first.EvidenceRefs));

        target.Accept(Actors.Dispatcher, Moments.Hours(1));
        target.Reschedule(Moments.Hours(1), Moments.Hours(24));
        target.Assign(Actors.Dispatcher, Moments.Hours(2), Assignee.Worker(Actors.Worker));

        Assert.Same(first, target.History[0]);
        Assert.Equal(before, (first.Sequence, first.Type, first.At, first.ActorId, first.FromStatus, first.ToStatus, first.Note, first.DueAt, string.Join(" ", first.EvidenceRefs)));
        Assert.Null(first.Assignee);
    }

    [Fact]
    public void History_AsCollection_CannotBeModifiedFromOutside()
    {
        var target = new CaseBuilder().Build();
        var history = (ICollection<CaseEvent>)target.History;
        var evidence = (ICollection<string>)target.EvidenceRefs;

        Assert.True(history.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => history.Add(target.History[0]));
        Assert.Throws<NotSupportedException>(() => history.Clear());
        Assert.Throws<NotSupportedException>(() => evidence.Add(Evidence.Sha256));
        Assert.Single(target.History);
    }

    [Fact]
    public void Version_EveryChange_IncrementsByOne()
    {
        var target = new CaseBuilder().Build();
        var versions = new List<int> { target.Version };

        target.Accept(Actors.Dispatcher, Moments.Hours(1));
        versions.Add(target.Version);
        target.Reschedule(Moments.Hours(1), Moments.Hours(24));
        versions.Add(target.Version);
        target.Assign(Actors.Dispatcher, Moments.Hours(2), Assignee.Worker(Actors.Worker));
        versions.Add(target.Version);

        Assert.Equal([1, 2, 3, 4], versions);
    }
}
