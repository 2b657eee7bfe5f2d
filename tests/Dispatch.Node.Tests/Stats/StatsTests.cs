using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;

namespace Dispatch.Node.Tests.Stats;

/// <summary>
/// Evaluation through the real server: cases with known histories placed in time by the fake clock, then
/// every figure checked for a period [From, To) that starts at 09:00 on the node's first day.
/// </summary>
public abstract partial class StatsTests(StorageKind storage) : ScenarioTestBase(storage)
{
    private static readonly DateTimeOffset From = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(1);

    private StorageKind Storage { get; } = storage;

    [Fact]
    public async Task GetEvaluation_Department_EveryFormulaOnKnownHistories()
    {
        await BuildHistoriesAsync();

        var response = await (await StatsAs("supervisor")).GetEvaluationAsync(Request(UnitKind.Department));
        var sanitation = Assert.Single(response.Units);
        Assert.Equal(DemoDirectory.SanitationId.ToString(), sanitation.UnitId);
        Assert.Equal(UnitKind.Department, sanitation.UnitKind);
        Assert.False(string.IsNullOrEmpty(sanitation.UnitName));

        // A, B, C, D, E reported at From (inclusive); X the second before; L at To (exclusive).
        Assert.Equal(5, sanitation.Reported);
        Assert.Equal(5, sanitation.Registered);
        Assert.Equal(3, sanitation.RegisteredClosed);          // A, B, D
        Assert.Equal(0.6, sanitation.CloseRate, 6);
        Assert.Equal(4, sanitation.DueInPeriod);               // A, B, C, D (E is due exactly at To)
        Assert.Equal(1, sanitation.Deferred);                  // C
        Assert.Equal(2, sanitation.ClosedOnTime);              // A, D (B closed after its deadline)
        Assert.Equal(2.0 / 3, sanitation.OnTimeCloseRate, 6);  // 2 / (4 - 1)
        Assert.Equal(4, sanitation.Closed);                    // A, B, D and X
        Assert.Equal(1, sanitation.ReworkCount);               // D; X's before From and E's at To do not count
        Assert.Equal(1, sanitation.OverdueCount);              // B
        Assert.Equal(1, sanitation.SupervisionCount);          // B
        Assert.Equal(((2 + 6 + 4 + 2) * 3600 + 1) / 4.0, sanitation.MeanTimeToCloseSeconds, 6); // A 2h, B 6h, D 4h, X 2h+1s
        Assert.Equal(2, sanitation.Rated);                     // A 4, B 2 (D's rating at To does not count)
        Assert.Equal(3.0, sanitation.MeanSatisfaction, 6);
        Assert.Equal(0, sanitation.EscalationsReceived);
        Assert.Equal(0.0, sanitation.ReturnedShare);

        Assert.Equal(sanitation.Reported, response.Total.Reported);
        Assert.Equal(sanitation.OnTimeCloseRate, response.Total.OnTimeCloseRate, 6);
        Assert.Equal(Timestamp.FromDateTimeOffset(From), response.From);
        Assert.Equal(Timestamp.FromDateTimeOffset(To), response.To);
    }

    [Fact]
    public async Task GetEvaluation_Grid_CountsRejectedAsReportedNotRegistered()
    {
        await BuildHistoriesAsync();

        var grid = Assert.Single((await (await StatsAs("dispatcher")).GetEvaluationAsync(Request(UnitKind.Grid))).Units);
        Assert.Equal(Grid1, grid.UnitId);
        Assert.Equal(6, grid.Reported);    // A-E and the rejected R
        Assert.Equal(5, grid.Registered);
        Assert.Equal(0.6, grid.CloseRate, 6);
        Assert.Equal(4, grid.DueInPeriod);
        Assert.Equal(2.0 / 3, grid.OnTimeCloseRate, 6);
    }

    [Fact]
    public async Task GetEvaluation_OneUnit_ByIdInAnyCase_AndZerosForAnIdleUnit()
    {
        await BuildHistoriesAsync();
        var stats = await StatsAs("admin");

        var request = Request(UnitKind.Department);
        request.UnitId = DemoDirectory.SanitationId.ToString().ToUpperInvariant();
        var sanitation = Assert.Single((await stats.GetEvaluationAsync(request)).Units);
        Assert.Equal(DemoDirectory.SanitationId.ToString(), sanitation.UnitId);
        Assert.Equal(5, sanitation.Reported);

        request.UnitId = DemoDirectory.SafetyId.ToString();
        var safety = Assert.Single((await stats.GetEvaluationAsync(request)).Units);
        Assert.Equal(0, safety.Reported);
        Assert.Equal(0, safety.DueInPeriod);
        Assert.Equal(0.0, safety.OnTimeCloseRate);     // 0 / 0 is 0, not NaN
        Assert.Equal(0.0, safety.MeanTimeToCloseSeconds);
        Assert.Equal(0.0, safety.MeanSatisfaction);
        Assert.False(double.IsNaN(safety.CloseRate));

        // Before the histories: nothing at all, and no rows without a unit id.
        var earlier = Request(UnitKind.Department);
        earlier.From = Timestamp.FromDateTimeOffset(From.AddDays(-10));
        earlier.To = Timestamp.FromDateTimeOffset(From.AddDays(-9));
        Assert.Empty((await stats.GetEvaluationAsync(earlier)).Units);
    }

    [Fact]
    public async Task GetEvaluation_ShorterPeriod_BoundariesMoveTheFigures()
    {
        await BuildHistoriesAsync();

        // [From + 2h, From + 5h): A and X close at +2h (in), D at +4h (in), B at +6h (out); D's rework at +2h
        // (in); B's breach and supervision at +5h (out, the end is excluded); A rated at +3h (in).
        var request = Request(UnitKind.Department);
        request.From = Timestamp.FromDateTimeOffset(From.AddHours(2));
        request.To = Timestamp.FromDateTimeOffset(From.AddHours(5));
        var sanitation = Assert.Single((await (await StatsAs("supervisor")).GetEvaluationAsync(request)).Units);
        Assert.Equal(0, sanitation.Reported);
        Assert.Equal(1, sanitation.DueInPeriod);  // B, due at +4h
        Assert.Equal(0, sanitation.ClosedOnTime);
        Assert.Equal(3, sanitation.Closed);
        Assert.Equal(1, sanitation.ReworkCount);
        Assert.Equal(0, sanitation.OverdueCount);
        Assert.Equal(0, sanitation.SupervisionCount);
        Assert.Equal(1, sanitation.Rated);
        Assert.Equal(4.0, sanitation.MeanSatisfaction, 6);
    }

    private static GetEvaluationRequest Request(UnitKind kind) => new()
    {
        UnitKind = kind,
        From = Timestamp.FromDateTimeOffset(From),
        To = Timestamp.FromDateTimeOffset(To),
    };

    private async Task<StatsService.StatsServiceClient> StatsAs(string userName) =>
        new(Node.Channel.CreateCallInvoker().WithToken(await Node.LoginAsync(userName)));

    /// <summary>Moves the fake clock to <paramref name="at"/>; sign-ins are renewed, as tokens may have expired.</summary>
    private void ClockTo(DateTimeOffset at)
    {
        Node.Clock.Advance(at - Node.Clock.GetUtcNow());
        ForgetSignIns();
    }
}

public sealed class StatsSqliteTests() : StatsTests(StorageKind.Sqlite);

public sealed class StatsPostgresTests() : StatsTests(StorageKind.Postgres);
