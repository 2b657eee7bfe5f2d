using Dispatch.Cli.App;
using Dispatch.Node.Tests.Infrastructure;

namespace Dispatch.Node.Tests.Cli;

/// <summary>Named profiles: several signed-in nodes (here two users of one node), switched by name.</summary>
public sealed class CliProfileTests(SqliteNodeFixture fixture) : IClassFixture<SqliteNodeFixture>
{
    [Fact]
    public async Task Profiles_LoginTwiceUseAndLogout_CurrentFollows()
    {
        using var user = new CliUser();
        await user.LoginAsync(fixture.Node, "worker1", profile: "village");
        await user.LoginAsync(fixture.Node, "dispatcher", profile: "centre");

        var listed = await user.RunAsync("profiles");
        listed.AssertOk();
        Assert.Contains(listed.Lines, l => l.StartsWith("*", StringComparison.Ordinal) && l.Contains("centre", StringComparison.Ordinal) && l.Contains("dispatcher (Dispatcher)", StringComparison.Ordinal));
        Assert.Contains(listed.Lines, l => l.StartsWith("village", StringComparison.Ordinal));

        (await user.RunAsync("use", "village")).AssertOk();
        var asWorker = await user.RunAsync("accept", "C-20261124-000000000000");
        asWorker.AssertFailure(ExitCodes.NotFound);
        var current = await user.RunAsync("profiles");
        Assert.Contains(current.Lines, l => l.StartsWith("*", StringComparison.Ordinal) && l.Contains("village", StringComparison.Ordinal));
        var byOption = await user.RunAsync("profiles", "--profile", "centre");
        Assert.Contains(byOption.Lines, l => l.StartsWith("*", StringComparison.Ordinal) && l.Contains("centre", StringComparison.Ordinal));
        user.SetEnvironment("DISPATCH_PROFILE", "centre");
        var byVariable = await user.RunAsync("profiles");
        Assert.Contains(byVariable.Lines, l => l.StartsWith("*", StringComparison.Ordinal) && l.Contains("centre", StringComparison.Ordinal));
        user.SetEnvironment("DISPATCH_PROFILE", null);

        (await user.RunAsync("logout")).AssertOk();
        (await user.RunAsync("list")).AssertFailure(ExitCodes.NotSignedIn, "profile 'village'");
        (await user.RunAsync("list", "--profile", "centre")).AssertOk();
    }

    [Fact]
    public async Task Use_UnknownProfile_NotFoundExit5()
    {
        using var user = new CliUser();

        var result = await user.RunAsync("use", "nowhere");

        result.AssertFailure(ExitCodes.NotFound, "no profile named 'nowhere'");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Login_ProfilesFile_OwnerOnly()
    {
        using var user = new CliUser();

        await user.LoginAsync(fixture.Node, "worker1");

        var mode = File.GetUnixFileMode(Path.Combine(user.Folder, "profiles.json"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    [Fact]
    public async Task Login_AgainWithoutAddress_KeepsTheProfilesNode()
    {
        using var user = new CliUser();
        await user.LoginAsync(fixture.Node, "worker1");

        var again = await user.RunAsync("login", "dispatcher", "--password", Dispatch.Node.Seeding.DemoDirectory.Password);

        again.AssertOk();
        Assert.Contains($"127.0.0.1:{fixture.Node.Address.Port}", again.Out, StringComparison.Ordinal);
    }
}
