using Dispatch.Cli.App;
using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;
using Dispatch.Testing;
using Grpc.AspNetCore.Server;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests.Cli;

/// <summary>Every failure a user can cause: a friendly message, its exit code, and no stack trace.</summary>
public sealed class CliFailureTests(CliFailureTests.Node fixture) : IClassFixture<CliFailureTests.Node>
{
    /// <summary>A node whose AcceptCase gets a stale version when the note says so (<see cref="StaleVersionInterceptor"/>).</summary>
    public sealed class Node : IAsyncLifetime
    {
        public NodeTestHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await NodeTestHost.StartAsync(
            StorageKind.Sqlite,
            configureServices: services => services.Configure<GrpcServiceOptions>(o => o.Interceptors.Add<StaleVersionInterceptor>()));

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    [Theory]
    [InlineData("http://[bad")]
    [InlineData("127.0.0.1:notaport")]
    [InlineData("ftp://127.0.0.1:5301")]
    [InlineData("127.0.0.1:5301/path")]
    public async Task Login_MalformedAddress_NamesTheOptionExit2(string address)
    {
        using var user = new CliUser();

        var result = await user.RunAsync("login", "worker1", "--password", DemoDirectory.Password, "--address", address);

        result.AssertFailure(ExitCodes.Usage, "--address", "is not a node address");
    }

    [Fact]
    public async Task Login_AddressWithoutScheme_SignsIn()
    {
        // The issue: 127.0.0.1:5301 without http:// crashed with a UriFormatException.
        using var user = new CliUser();

        var result = await user.RunAsync("login", "worker1", "--password", DemoDirectory.Password, "--address", $"127.0.0.1:{fixture.Host.Address.Port}");

        result.AssertOk();
        Assert.Contains($"at http://127.0.0.1:{fixture.Host.Address.Port}", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WrongPassword_Exit3()
    {
        using var user = new CliUser();

        var result = await user.RunAsync("login", "worker2", "--password", "wrong-password", "--address", Address);

        result.AssertFailure(ExitCodes.NotSignedIn, "wrong user name or password");
    }

    [Fact]
    public async Task Login_NoPasswordOption_PromptsWithoutEcho()
    {
        using var user = new CliUser { TypedPassword = DemoDirectory.Password };

        var result = await user.RunAsync("login", "worker1", "--address", Address);

        result.AssertOk();
        Assert.Equal(["password: "], user.Prompts);
        Assert.DoesNotContain(DemoDirectory.Password, result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_PasswordOnStandardInput_ReadFromIt()
    {
        using var user = new CliUser();

        var result = await user.RunAsync(["login", "worker1", "--address", Address], DemoDirectory.Password + "\n", CancellationToken.None);

        result.AssertOk();
        Assert.Empty(user.Prompts);
    }

    [Fact]
    public async Task Command_NotSignedIn_SaysRunLoginExit3()
    {
        using var user = new CliUser();

        var result = await user.RunAsync("list");

        result.AssertFailure(ExitCodes.NotSignedIn, "not signed in", "dispatch login");
    }

    [Fact]
    public async Task Command_NodeDown_NamesAddressAndRunShExit7()
    {
        using var user = new CliUser();
        await user.LoginAsync(fixture.Host, "worker1");
        var closedPort = LoopbackGrpcHost.FreePort();
        var profiles = Path.Combine(user.Folder, "profiles.json");
        File.WriteAllText(profiles, File.ReadAllText(profiles).Replace($":{fixture.Host.Address.Port}", $":{closedPort}", StringComparison.Ordinal));

        var result = await user.RunAsync("list");

        result.AssertFailure(ExitCodes.Unavailable, $"http://127.0.0.1:{closedPort}", "scripts/run.sh");
    }

    [Fact]
    public async Task Login_NodeDown_NamesAddressExit7()
    {
        using var user = new CliUser();
        var closedPort = LoopbackGrpcHost.FreePort();

        var result = await user.RunAsync("login", "worker1", "--password", DemoDirectory.Password, "--address", $"127.0.0.1:{closedPort}");

        result.AssertFailure(ExitCodes.Unavailable, $"cannot reach the node at http://127.0.0.1:{closedPort}");
    }

    [Fact]
    public async Task Show_UnknownCase_NotFoundExit5()
    {
        using var user = new CliUser();
        await user.LoginAsync(fixture.Host, "dispatcher");

        var byNumber = await user.RunAsync("show", "C-20261124-000000000000");
        var byId = await user.RunAsync("show", Guid.NewGuid().ToString());

        byNumber.AssertFailure(ExitCodes.NotFound, "not found:");
        byId.AssertFailure(ExitCodes.NotFound, "not found:");
    }

    [Theory]
    [InlineData("accept", ExitCodes.PermissionDenied, "not allowed:")]
    [InlineData("verify", ExitCodes.Conflict, "not possible now:")]
    public async Task Step_GridWorkerOnAFreshReport_RefusedByTheNode(string step, int exitCode, string message)
    {
        using var worker = new CliUser();
        await worker.LoginAsync(fixture.Host, "worker1");
        var number = await CliCases.ReportAsync(worker, $"Refused {step}", $"fail-{step}");

        var result = await worker.RunAsync(step, number);

        result.AssertFailure(exitCode, message);
    }

    [Fact]
    public async Task Accept_SomeoneElseWasFaster_StaleVersionExit6NothingChanged()
    {
        using var worker = new CliUser();
        using var dispatcher = new CliUser();
        await worker.LoginAsync(fixture.Host, "worker1");
        await dispatcher.LoginAsync(fixture.Host, "dispatcher");
        var number = await CliCases.ReportAsync(worker, "Raced", "fail-stale");

        var result = await dispatcher.RunAsync("accept", number, "--note", StaleVersionInterceptor.Note);

        result.AssertFailure(ExitCodes.Conflict, "changed since it was read", "dispatch show");
        var cases = await fixture.Host.CasesAsAsync("dispatcher");
        Assert.Equal(CaseStatus.Reported, (await cases.ListCasesAsync(new ListCasesRequest { Text = number })).Cases.Single().Status);
    }

    [Fact]
    public async Task Report_NodeRefusesAField_InvalidInputExit2()
    {
        using var worker = new CliUser();
        await worker.LoginAsync(fixture.Host, "worker1");

        var result = await worker.RunAsync(CliCases.Report("Bad evidence", "fail-field", "--photo", "not a reference"));

        result.AssertFailure(ExitCodes.Usage, "invalid input:", "evidence_refs");
    }

    [Fact]
    public async Task Command_TokenExpired_SaysLoginAgainExit3()
    {
        using var user = new CliUser();
        await user.LoginAsync(fixture.Host, "supervisor");
        fixture.Host.Clock.Advance(TimeSpan.FromHours(9));

        var result = await user.RunAsync("orders");

        result.AssertFailure(ExitCodes.NotSignedIn, "dispatch login");
    }

    [Theory]
    [InlineData("list", "--page-size", "0")]
    [InlineData("list", "--page-size", "abc")]
    [InlineData("list", "--status", "Sleeping")]
    [InlineData("defer", "C-1", "--until", "tomorrow", "--reason", "x")]
    [InlineData("evaluate", "--unit", "Department", "--from", "last week", "--to", "2026-11-30")]
    [InlineData("report", "--title", "no grid")]
    [InlineData("assign", "C-1")]
    [InlineData("rate", "C-1", "--score", "five")]
    [InlineData("frobnicate")]
    [InlineData("--lang", "fr", "list")]
    public async Task BadOptionValues_Exit2WithHelpHint(params string[] args)
    {
        using var user = new CliUser();

        var result = await user.RunAsync(args);

        result.AssertFailure(ExitCodes.Usage, "error: ", "--help' for usage.");
    }

    [Fact]
    public async Task Bulletin_OutFileUnwritable_NamesTheOption()
    {
        using var user = new CliUser();
        await user.LoginAsync(fixture.Host, "supervisor");

        var result = await user.RunAsync("bulletin", "--kind", "Daily", "--date", "2026-11-24", "--out", Path.Combine(user.Folder, "no-such-folder", "x.html"));

        result.AssertFailure(ExitCodes.Usage, "--out: cannot write");
    }

    private string Address => $"127.0.0.1:{fixture.Host.Address.Port}";
}
