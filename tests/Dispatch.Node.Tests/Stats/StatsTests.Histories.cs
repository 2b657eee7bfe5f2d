using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;

namespace Dispatch.Node.Tests.Stats;

/// <summary>The cases the evaluation tests read, each with a known history placed in time.</summary>
public abstract partial class StatsTests
{
    /// <summary>
    /// All in grid 1, reported by worker1, assigned to sanitation (times relative to From):
    /// X reported at -1s, returned for rework at -1s, closed at +2h;
    /// A due +10h, closed +2h, rated 4 at +3h;  B due +4h, overdue and supervised +5h, closed +6h (late), rated 2;
    /// C due +8h, deferred since +1h;  D due +12h, returned +2h, closed +4h, rated 5 at To;
    /// E due exactly at To, returned for rework exactly at To;  R reported at From and rejected;
    /// L reported exactly at To.
    /// </summary>
    private async Task BuildHistoriesAsync()
    {
        ClockTo(From.AddSeconds(-1));
        var x = await ReturnedAsync(await ResolvedAsync("x"));
        x = await StartAsync(x);

        ClockTo(From);
        var a = await StartAsync(await AssignedAsync("a"));
        var b = await StartAsync(await AssignedAsync("b"));
        var c = await AssignedAsync("c");
        var d = await StartAsync(await AssignedAsync("d"));
        var e = await StartAsync(await AssignedAsync("e"));
        var r = await ReportedAsync("r");
        await (await As("dispatcher")).RejectCaseAsync(new RejectCaseRequest { CaseId = r.Id, ExpectedVersion = r.Version, Reason = "Not a municipal matter." });
        foreach (var (id, due) in new[] { (a.Id, From.AddHours(10)), (b.Id, From.AddHours(4)), (c.Id, From.AddHours(8)), (d.Id, From.AddHours(12)), (e.Id, To) })
        {
            await CaseBackdoor.SetDueAsync(Node, id, due);
        }

        ClockTo(From.AddHours(1));
        a = await ResolveAsync(await ReadAsync(a.Id));
        d = await ResolveAsync(await ReadAsync(d.Id));
        c = await ReadAsync(c.Id);
        await (await As("dispatcher")).DeferCaseAsync(new DeferCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Until = Timestamp.FromDateTimeOffset(From.AddHours(48)), Reason = "Waiting for spare parts." });

        ClockTo(From.AddHours(2));
        a = await VerifyAsync(a, passed: true);
        d = await ReturnedAsync(d);
        await VerifyAsync(await ResolveAsync(x), passed: true);

        ClockTo(From.AddHours(3));
        await RateAsync(a, 4);
        d = await ResolveAsync(await StartAsync(d));

        ClockTo(From.AddHours(4));
        d = await VerifyAsync(d, passed: true);

        ClockTo(From.AddHours(5));
        await CaseBackdoor.MarkOverdueAsync(Node, b.Id);
        await CaseBackdoor.SuperviseAsync(Node, b.Id);

        ClockTo(From.AddHours(6));
        b = await VerifyAsync(await ResolveAsync(await ReadAsync(b.Id)), passed: true);
        await RateAsync(b, 2);

        ClockTo(From.AddHours(23));
        e = await ResolveAsync(await ReadAsync(e.Id));

        ClockTo(To);
        await ReturnedAsync(e);
        await RateAsync(d, 5);
        await ReportedAsync("l");
    }

    private async Task<Case> StartAsync(Case c) =>
        (await (await As("sanitation")).StartCaseAsync(new StartCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version })).Case;

    private async Task<Case> ResolveAsync(Case c) =>
        (await (await As("sanitation")).ResolveCaseAsync(new ResolveCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Note = "Done." })).Case;

    private async Task<Case> VerifyAsync(Case c, bool passed) =>
        (await (await As("worker1")).VerifyCaseAsync(new VerifyCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Passed = passed, Note = passed ? "Fixed." : "Still broken." })).Case;

    private Task<Case> ReturnedAsync(Case c) => VerifyAsync(c, passed: false);

    private async Task RateAsync(Case c, int satisfaction) =>
        await (await As("worker1")).RateCaseAsync(new RateCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Satisfaction = satisfaction });
}
