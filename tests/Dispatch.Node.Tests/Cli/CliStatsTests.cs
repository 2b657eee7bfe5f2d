using Dispatch.Cli.App;
using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;
using Google.Protobuf;

namespace Dispatch.Node.Tests.Cli;

/// <summary>evaluate, bulletin, bulletins, outbox and requeue.</summary>
public sealed class CliStatsTests(SqliteNodeFixture fixture) : IClassFixture<SqliteNodeFixture>
{
    [Fact]
    public async Task Evaluate_ByGrid_TableWithTotalAndJson()
    {
        using var worker = new CliUser();
        using var supervisor = new CliUser();
        await worker.LoginAsync(fixture.Node, "worker1");
        await supervisor.LoginAsync(fixture.Node, "supervisor");
        await CliCases.ReportAsync(worker, "Counted", "stats-1");
        string[] period = ["evaluate", "--unit", "Grid", "--from", "2026-11-24T00:00Z", "--to", "2026-11-25T00:00Z"];

        var table = await supervisor.RunAsync(period);
        var json = await supervisor.RunAsync([.. period, "--json"]);

        table.AssertOk();
        Assert.StartsWith("UNIT", table.Lines[0], StringComparison.Ordinal);
        Assert.StartsWith("(total)", table.Lines[^1], StringComparison.Ordinal);
        var parsed = JsonParser.Default.Parse<GetEvaluationResponse>(json.Out);
        Assert.Contains(parsed.Units, u => u.UnitId == CliCases.Grid1 && u.Reported >= 1);
    }

    [Fact]
    public async Task Bulletin_Daily_WrittenToOut()
    {
        using var supervisor = new CliUser();
        await supervisor.LoginAsync(fixture.Node, "supervisor");
        var file = Path.Combine(supervisor.Folder, "daily.csv");

        var result = await supervisor.RunAsync("bulletin", "--kind", "Daily", "--date", "2026-11-24", "--format", "Csv", "--out", file);

        result.AssertOk();
        Assert.StartsWith(file, result.Out, StringComparison.Ordinal);
        Assert.StartsWith("unit_kind,", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulletins_NoneProducedYet_SaysSo()
    {
        using var supervisor = new CliUser();
        await supervisor.LoginAsync(fixture.Node, "supervisor");

        var result = await supervisor.RunAsync("bulletins", "--kind", "Monthly");

        result.AssertOk();
        Assert.Equal("no bulletins", result.Out.Trim());
    }

    [Fact]
    public async Task Outbox_NothingRefused_SaysSoAndRequeueUnknownIsNotFound()
    {
        using var admin = new CliUser();
        await admin.LoginAsync(fixture.Node, "admin");

        var outbox = await admin.RunAsync("outbox");
        var requeue = await admin.RunAsync("requeue", "999999");

        outbox.AssertOk();
        Assert.Equal("no refused messages", outbox.Out.Trim());
        requeue.AssertFailure(ExitCodes.NotFound, "not found:");
    }
}
