using Dispatch.Domain.Cases;
using Dispatch.Domain.Categories;
using Dispatch.Domain.Geography;

namespace Dispatch.Domain.Tests.Support;

/// <summary>
/// Builds valid cases: a report that passes every validation, and cases driven through the public
/// methods into any status (steps one minute apart from <see cref="Moments.T0"/>). Either reported here
/// or, after <see cref="Received"/>, received by the town as an escalation from a village.
/// </summary>
internal sealed class CaseBuilder
{
    public const string EscalationReason = "Needs the town's housing department";

    private CaseOrigin? _origin;

    private CaseReport _report = new()
    {
        Id = Guid.NewGuid(),
        Number = "C-20261124-000123",
        RequestId = "req-" + Guid.NewGuid().ToString("N"),
        Title = "Overflowing bin at the market gate",
        Description = "The bin by the north gate has not been emptied for two days.",
        CategoryCode = "0204",
        GridId = GridId.Parse("110105001002003"),
        Location = Location.Create(39.9219, 116.4436, "North gate, Chaoyang market"),
        Whistle = WhistleClass.Daily,
        HandlingMode = HandlingMode.Fast,
        ReporterId = Actors.Reporter,
        EvidenceRefs = [Evidence.Photo],
    };

    public CaseBuilder With(Func<CaseReport, CaseReport> change)
    {
        _report = change(_report);
        return this;
    }

    public CaseBuilder Immediate() => With(r => r with { HandlingMode = HandlingMode.Immediate });

    public CaseBuilder DueAt(DateTimeOffset? dueAt) => With(r => r with { DueAt = dueAt });

    /// <summary>Builds the town's side: the case is received from <paramref name="origin"/> (the village's case by default).</summary>
    public CaseBuilder Received(CaseOrigin? origin = null)
    {
        _origin = origin ?? Nodes.VillageCase;
        return this;
    }

    public CaseReport BuildReport() => _report;

    public Case Build() => _origin is null
        ? Case.Report(_report, CategoryCatalogue.Default, Moments.T0)
        : Case.ReceiveEscalation(_report, _origin, EscalationReason, CategoryCatalogue.Default, Moments.T0);

    /// <summary>A case in <paramref name="status"/>, assigned to <see cref="Actors.Worker"/> where that applies.</summary>
    public Case BuildIn(CaseStatus status)
    {
        var built = Build();
        foreach (var step in PathTo(status))
        {
            step(built);
        }

        return built;
    }

    /// <summary>A case deferred (at minute 30, until a day later) from <paramref name="before"/>.</summary>
    public Case BuildDeferredFrom(CaseStatus before)
    {
        var built = BuildIn(before);
        built.Defer(Actors.Dispatcher, Moments.Minutes(30), Moments.Hours(24), "Waiting for spare parts");
        return built;
    }

    /// <summary>The village's side: an accepted case escalated to <see cref="Nodes.Town"/> (minute 2), which acknowledged it.</summary>
    public Case BuildEscalatedToParent()
    {
        var built = BuildEscalatedAwaitingParent();
        built.LinkParent(Nodes.TownCaseId);
        return built;
    }

    /// <summary>The village's side: an accepted case escalated to <see cref="Nodes.Town"/> (minute 2), not acknowledged yet.</summary>
    public Case BuildEscalatedAwaitingParent()
    {
        var built = BuildIn(CaseStatus.Accepted);
        built.EscalateTo(Actors.Dispatcher, Moments.Minutes(2), Nodes.Town, EscalationReason);
        return built;
    }

    /// <summary>The village's side: an escalated case the town resolved (minute 10), waiting for the reporting grid's verification.</summary>
    public Case BuildResolvedByParent()
    {
        var built = BuildEscalatedToParent();
        if (!built.MirrorParent(Moments.Minutes(10), CaseStatus.Resolved, handedBack: false, "Roof repaired by the town"))
        {
            throw new InvalidOperationException("The escalated case ignored its parent's resolution.");
        }

        return built;
    }

    private static IEnumerable<Action<Case>> PathTo(CaseStatus status)
    {
        Action<Case> accept = c => c.Accept(Actors.Dispatcher, Moments.Minutes(1));
        Action<Case> assign = c => c.Assign(Actors.Dispatcher, Moments.Minutes(2), Assignee.Worker(Actors.Worker));
        Action<Case> start = c => c.Start(Actors.Worker, Moments.Minutes(3));
        Action<Case> resolve = c => c.Resolve(Actors.Worker, Moments.Minutes(4), "Bin emptied", [Evidence.AfterPhoto]);
        return status switch
        {
            CaseStatus.Reported => [],
            CaseStatus.Accepted => [accept],
            CaseStatus.Rejected => [c => c.Reject(Actors.Dispatcher, Moments.Minutes(1), "Private property")],
            CaseStatus.Assigned => [accept, assign],
            CaseStatus.InProgress => [accept, assign, start],
            CaseStatus.Resolved => [accept, assign, start, resolve],
            CaseStatus.Closed => [accept, assign, start, resolve, c => c.Verify(Actors.Reporter, Moments.Minutes(5), passed: true)],
            CaseStatus.Returned => [accept, assign, start, resolve, c => c.Verify(Actors.Reporter, Moments.Minutes(5), passed: false, "Still full")],
            CaseStatus.Deferred => [accept, c => c.Defer(Actors.Dispatcher, Moments.Minutes(2), Moments.Hours(24), "Waiting for spare parts")],
            CaseStatus.Escalated => [c => c.MarkEscalated(Actors.Dispatcher, Moments.Minutes(1), "Needs the town")],
            CaseStatus.Merged => [c => c.MergeInto(Actors.Dispatcher, Moments.Minutes(1), new CaseBuilder().Build())],
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No path to this status."),
        };
    }
}
