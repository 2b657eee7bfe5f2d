using System.Text.Json;
using Dispatch.Cli.App;
using Dispatch.Cli.Import;
using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;

namespace Dispatch.Node.Tests.Cli;

/// <summary>
/// import cases.csv against a real node: every good row a case, a second run and a resumed run creating nothing twice,
/// every bad row (CSV or the node's refusal) in the rejected-rows report, a bad header stopping before anything is sent.
/// Each test marks its titles with its own tag and counts the node's cases by it.
/// </summary>
public sealed class CliImportTests(ImportNode fixture) : IClassFixture<ImportNode>, IDisposable
{
    private const string Grid1 = NodeTestBase.Grid1;
    private readonly string _folder = Directory.CreateTempSubdirectory("dispatch-import-").FullName;

    [Fact]
    public async Task Import_GoodFileTwice_EveryRowACaseOnceAndTheSecondRunCreatesNothing()
    {
        using var worker = await SignedInAsync("worker1");
        var file = Write("good.csv",
            "title,description,category,grid,lat,lon,address,whistle,mode,evidence\r\n" +
            $"\"impA bins, north gate\",\"Two days\nuncollected\",0201,{Grid1},39.9,116.4,North gate,daily,,https://photos.example/1.jpg|sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n" +
            $"impA lamp,,0104,{Grid1},39.91,116.41,\"Lane \"\"7\"\"\",Tough,split,\r\n" +
            $"impA lamp,,0104,{Grid1},39.91,116.41,\"Lane \"\"7\"\"\",Tough,split,\r\n" +
            $"impA car,,0305,{Grid1},39.5,116.4,,emergency,fast,\r\n");

        var first = await worker.RunAsync("import", file);
        var second = await worker.RunAsync("import", file, "--json");

        Assert.True(first.ExitCode == ExitCodes.Ok, first.Out + first.Error);
        Assert.Contains("4 rows; 4 cases created, 0 already there (an earlier run), 0 rejected", first.Out, StringComparison.Ordinal);
        Assert.Contains("4/4 rows: 4 created", first.Error, StringComparison.Ordinal);
        second.AssertOk();
        var cases = await CasesTaggedAsync("impA");
        Assert.Equal(4, cases.Count);
        var summary = JsonDocument.Parse(second.Out).RootElement;
        Assert.True(summary.GetProperty("created").GetInt32() == 0, second.Out);
        Assert.Equal(4, summary.GetProperty("existing").GetInt32());
        var bins = cases.Single(c => c.Title == "impA bins, north gate");
        Assert.Equal("Two days\nuncollected", bins.Description);
        Assert.Equal(["https://photos.example/1.jpg", "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"], bins.EvidenceRefs);
        Assert.Equal(2, cases.Count(c => c.Title == "impA lamp" && c.Location.Address == "Lane \"7\"" && c.Whistle == WhistleClass.Tough));
        Assert.False(File.Exists(Path.Combine(_folder, "good.rejected.csv")));
    }

    [Fact]
    public async Task Import_BadRows_EachRejectedWithItsReasonInTheReportAndTheRestImported()
    {
        using var dispatcher = await SignedInAsync("dispatcher");
        var unknownGrid = DemoDirectory.AreaTownVillage + "099";
        var file = Write("mixed.csv",
            "title,category,grid,lat,lon,whistle\n" +
            $"impB good one,0201,{Grid1},39.9,116.4,daily\n" +
            $"impB too few,0201,{Grid1},39.9\n" +
            $"impB bad lat,0201,{Grid1},north,116.4,daily\n" +
            $"impB \"stray\" quote,0201,{Grid1},39.9,116.4,daily\n" +
            $"impB loud,0201,{Grid1},39.9,116.4,loud\n" +
            $"impB unknown category,9999,{Grid1},39.9,116.4,daily\n" +
            $"impB unknown grid,0201,{unknownGrid},39.9,116.4,daily\n" +
            $",0201,{Grid1},39.9,116.4,daily\n" +
            $"\"impB unclosed,0201,{Grid1},39.9,116.4,daily\n" +
            $"impB good two,0201,{Grid1},39.9,116.4,emergency\n");

        var result = await dispatcher.RunAsync("import", file);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        result.AssertNoStackTrace();
        Assert.Contains("10 rows; 2 cases created, 0 already there (an earlier run), 8 rejected", result.Out, StringComparison.Ordinal);
        Assert.Equal(["impB good one", "impB good two"], (await CasesTaggedAsync("impB")).Select(c => c.Title).Order());
        var report = Path.Combine(_folder, "mixed.rejected.csv");
        Assert.Contains(report, result.Out, StringComparison.Ordinal);
        var rejected = CsvReader.Read(File.ReadAllText(report));
        Assert.Equal(RejectedRowsReport.Header.Split(','), rejected[0].Fields);
        var byRow = rejected.Skip(1).ToDictionary(r => int.Parse(r.Fields[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9], byRow.Keys.Order());
        Assert.All(new[] { 2, 3, 4, 5, 9 }, row => Assert.Equal(RowOutcome.CsvStatus, byRow[row].Fields[2]));
        Assert.Contains("4 columns where the header has 6", byRow[2].Fields[3], StringComparison.Ordinal);
        Assert.Contains("north", byRow[3].Fields[3], StringComparison.Ordinal);
        Assert.Contains("loud", byRow[5].Fields[3], StringComparison.Ordinal);
        Assert.Contains("never closed", byRow[9].Fields[3], StringComparison.Ordinal);
        Assert.Equal("InvalidArgument", byRow[6].Fields[2]);
        Assert.Contains("9999", byRow[6].Fields[3], StringComparison.Ordinal);
        Assert.Equal("NotFound", byRow[7].Fields[2]);
        Assert.Equal("InvalidArgument", byRow[8].Fields[2]);
        Assert.Equal($"impB unknown grid,0201,{unknownGrid},39.9,116.4,daily", byRow[7].Fields[4]);
        Assert.Equal("8", byRow[7].Fields[1]);
    }

    [Fact]
    public async Task Import_BadFileOrHeader_StopsBeforeSendingWithAClearMessage()
    {
        using var worker = await SignedInAsync("worker1", "zh");
        var unknown = Write("unknown.csv", $"title,category,grid,lat,lon,colour\nimpC red,0201,{Grid1},39.9,116.4,red\n");
        var missing = Write("missing.csv", $"title,category,lat,lon\nimpC nowhere,0201,39.9,116.4\n");
        var empty = Write("empty.csv", "");

        (await worker.RunAsync("import", unknown)).AssertFailure(ExitCodes.Usage, "colour", "表头");
        (await worker.RunAsync("import", missing)).AssertFailure(ExitCodes.Usage, "grid");
        (await worker.RunAsync("import", empty)).AssertFailure(ExitCodes.Usage, "为空");
        (await worker.RunAsync("import", Path.Combine(_folder, "absent.csv"))).AssertFailure(ExitCodes.Usage, "无法读取");
        (await worker.RunAsync("import", unknown, "--parallel", "0")).AssertFailure(ExitCodes.Usage, "--parallel");

        Assert.Empty(await CasesTaggedAsync("impC"));
    }

    [Fact]
    public async Task Import_InChinese_SummaryInChinese()
    {
        using var worker = await SignedInAsync("worker1", "zh");
        var file = Write("zh.csv", $"title,category,grid,lat,lon\nimpD 垃圾满溢,0201,{Grid1},39.9,116.4\n");

        var result = await worker.RunAsync("import", file);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("共 1 行；新建案件 1，已存在（此前导入）0，拒绝 0", result.Out, StringComparison.Ordinal);
        Assert.Single(await CasesTaggedAsync("impD"));
    }

    [Fact]
    public async Task Import_InterruptedThenRunAgain_GoesOnAndCreatesEveryRowOnce()
    {
        using var worker = await SignedInAsync("worker1");
        var rows = Enumerable.Range(1, 12).Select(i => $"impE row {i},0201,{Grid1},39.9,116.{i}");
        var file = Write("long.csv", "title,category,grid,lat,lon\n" + string.Join('\n', rows) + "\n");
        using var ctrlC = new CancellationTokenSource();
        fixture.Interrupter.Arm(4, ctrlC);

        var interrupted = await worker.RunAsync(["import", file, "--parallel", "2"], stdin: null, ctrlC.Token);
        var resumed = await worker.RunAsync("import", file);

        interrupted.AssertFailure(ExitCodes.Interrupted, "run the same command again");
        Assert.Equal(ExitCodes.Ok, resumed.ExitCode);
        var summary = System.Text.RegularExpressions.Regex.Match(resumed.Out, @"12 rows; (\d+) cases created, (\d+) already there");
        Assert.True(summary.Success, resumed.Out);
        Assert.Equal(12, int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + int.Parse(summary.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(int.Parse(summary.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) >= 4, resumed.Out);
        Assert.Equal(12, (await CasesTaggedAsync("impE")).Count);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task<CliUser> SignedInAsync(string userName, string language = "en")
    {
        var user = new CliUser(language);
        await user.LoginAsync(fixture.Node, userName);
        return user;
    }

    private async Task<IReadOnlyList<Case>> CasesTaggedAsync(string tag)
    {
        var dispatcher = await fixture.Node.CasesAsAsync("dispatcher");
        return (await dispatcher.ListCasesAsync(new ListCasesRequest { Text = tag, PageSize = 200 })).Cases;
    }
}
