using Dispatch.Cli.App;
using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;
using Google.Protobuf;

namespace Dispatch.Node.Tests.Cli;

/// <summary>Paging, empty lists, --json and the Chinese output, on a node whose cases only these tests report.</summary>
public sealed class CliOutputTests(SqliteNodeFixture fixture) : IClassFixture<SqliteNodeFixture>, IAsyncLifetime
{
    private const int Reported = 5;
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _reported;

    public async Task InitializeAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (!_reported)
            {
                using var worker = new CliUser();
                await worker.LoginAsync(fixture.Node, "worker1");
                for (var i = 1; i <= Reported; i++)
                {
                    (await worker.RunAsync(CliCases.Report($"Paged case {i}", $"paging-{i}"))).AssertOk();
                }

                _reported = true;
            }
        }
        finally
        {
            Once.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task List_OnePage_PrintsTheExactCommandForTheNext()
    {
        // The issue: `dispatch list` showed only the first page, with no way on.
        using var user = new CliUser();
        await user.LoginAsync(fixture.Node, "dispatcher");

        var first = await user.RunAsync("list", "--text", "Paged case", "--page-size", "2");

        first.AssertOk();
        Assert.Equal(1 + 2 + 1, first.Lines.Length);
        var more = first.Lines[^1];
        Assert.StartsWith("more: dispatch list --text 'Paged case' --page-size 2 --page-token ", more, StringComparison.Ordinal);
        var token = more.Split(' ')[^1].Trim('\'');
        var second = await user.RunAsync("list", "--text", "Paged case", "--page-size", "2", "--page-token", token);
        second.AssertOk();
        Assert.Equal(1 + 2 + 1, second.Lines.Length);
        Assert.Empty(first.Lines[1..3].Intersect(second.Lines[1..3]));
    }

    [Fact]
    public async Task List_All_FollowsEveryPageToTheEnd()
    {
        using var user = new CliUser();
        await user.LoginAsync(fixture.Node, "dispatcher");

        var all = await user.RunAsync("list", "--text", "Paged case", "--page-size", "2", "--all");

        all.AssertOk();
        Assert.Equal(1 + Reported, all.Lines.Length);
        Assert.DoesNotContain("more:", all.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_NothingMatches_SaysNoCases()
    {
        using var user = new CliUser();
        await user.LoginAsync(fixture.Node, "dispatcher");

        var result = await user.RunAsync("list", "--text", "nothing like this");

        result.AssertOk();
        Assert.Equal("no cases", result.Out.Trim());
    }

    [Fact]
    public async Task Orders_NoneAtTheNode_SaysNoOrders()
    {
        // The issue: `orders` printed nothing when there were none.
        using var user = new CliUser();
        await user.LoginAsync(fixture.Node, "supervisor");

        var english = await user.RunAsync("orders");
        var chinese = await user.RunAsync("orders", "--lang", "zh");

        english.AssertOk();
        Assert.Equal("no orders", english.Out.Trim());
        Assert.Equal("没有督办单", chinese.Out.Trim());
    }

    [Fact]
    public async Task Json_ListShowLogin_ProtobufJsonThatParses()
    {
        using var user = new CliUser();
        await user.LoginAsync(fixture.Node, "dispatcher");

        var pages = await user.RunAsync("list", "--text", "Paged case", "--page-size", "2", "--all", "--json");
        var login = await user.RunAsync("login", "dispatcher", "--password", Dispatch.Node.Seeding.DemoDirectory.Password, "--json");

        pages.AssertOk();
        var parsed = pages.Lines.Select(JsonParser.Default.Parse<ListCasesResponse>).ToList();
        Assert.Equal(3, parsed.Count);
        Assert.Equal(Reported, parsed.Sum(p => p.Cases.Count));
        var shown = await user.RunAsync("show", parsed[0].Cases[0].Number, "--json");
        shown.AssertOk();
        Assert.Equal(parsed[0].Cases[0].Id, JsonParser.Default.Parse<GetCaseResponse>(shown.Out).Case.Id);
        var signedIn = JsonParser.Default.Parse<LoginResponse>(login.Out);
        Assert.Equal(Role.Dispatcher, signedIn.Role);
        Assert.Equal("", signedIn.AccessToken);
    }

    [Fact]
    public async Task Chinese_ByLangVariableOrOption_TablesMessagesAndHelp()
    {
        using var user = new CliUser("zh");
        await user.LoginAsync(fixture.Node, "dispatcher");

        var list = await user.RunAsync("list", "--text", "Paged case 1");
        var help = await user.RunAsync("--help");
        var english = await user.RunAsync("list", "--text", "Paged case 1", "--lang", "en");
        var missing = await user.RunAsync("show", "C-20261124-000000000000");

        list.AssertOk();
        Assert.StartsWith("编号", list.Lines[0], StringComparison.Ordinal);
        Assert.Contains("已上报", list.Out, StringComparison.Ordinal);
        Assert.Contains("用法：", help.Out, StringComparison.Ordinal);
        Assert.Contains("退出码：", help.Out, StringComparison.Ordinal);
        Assert.StartsWith("NUMBER", english.Lines[0], StringComparison.Ordinal);
        missing.AssertFailure(ExitCodes.NotFound, "错误：未找到：");
    }

    [Fact]
    public async Task Watch_CtrlC_EndsQuietlyExit0()
    {
        // The issue: Ctrl+C on `watch` printed "error: Cancelled".
        using var user = new CliUser();
        await user.LoginAsync(fixture.Node, "dispatcher");
        using var interrupt = new CancellationTokenSource();
        var output = new CtrlCOnFirstLine(interrupt);

        var code = await WatchAsync(user, output, interrupt.Token);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("CaseReported", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Interrupted_Exit130()
    {
        using var user = new CliUser();
        await user.LoginAsync(fixture.Node, "dispatcher");
        using var interrupt = new CancellationTokenSource();
        await interrupt.CancelAsync();

        var result = await user.RunAsync(["list"], null, interrupt.Token);

        result.AssertFailure(ExitCodes.Interrupted, "interrupted");
    }

    private static async Task<int> WatchAsync(CliUser user, TextWriter output, CancellationToken interrupt)
    {
        var error = new StringWriter();
        var console = new CliConsole(output, error, TextReader.Null, false, _ => null, _ => null, user.Folder, CliUser.Beijing, interrupt);
        var code = await CliApp.RunAsync(["watch"], console);
        Assert.Equal("", error.ToString());
        return code;
    }

    /// <summary>An output that presses Ctrl+C once the first event is printed.</summary>
    private sealed class CtrlCOnFirstLine(CancellationTokenSource interrupt) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            interrupt.Cancel();
        }
    }
}
