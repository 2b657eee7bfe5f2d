using Dispatch.Cli.App;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;

namespace Dispatch.Node.Tests.Cli;

/// <summary>
/// A person at a terminal running the dispatch tool in-process: their own profile folder and environment, times
/// shown in UTC+8, standard input and the no-echo password reader supplied by the test, Ctrl+C as a token.
/// </summary>
public sealed class CliUser : IDisposable
{
    public static readonly TimeZoneInfo Beijing = TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "CST");

    private readonly Dictionary<string, string?> _environment = new() { ["LANG"] = "en_US.UTF-8" };

    public CliUser(string language = "en")
    {
        Folder = Directory.CreateTempSubdirectory("dispatch-cli-").FullName;
        _environment["LANG"] = language == "zh" ? "zh_CN.UTF-8" : "en_US.UTF-8";
    }

    public string Folder { get; }

    /// <summary>What the no-echo password prompt gets typed (null: nothing).</summary>
    public string? TypedPassword { get; set; }

    /// <summary>The prompts the password reader was asked to show.</summary>
    public List<string> Prompts { get; } = [];

    public void SetEnvironment(string name, string? value) => _environment[name] = value;

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(args, stdin: null, CancellationToken.None);

    public async Task<CliResult> RunAsync(string[] args, string? stdin, CancellationToken interrupt)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(
            output,
            error,
            new StringReader(stdin ?? ""),
            InputIsTerminal: stdin is null,
            prompt =>
            {
                Prompts.Add(prompt);
                return TypedPassword;
            },
            name => _environment.GetValueOrDefault(name),
            Folder,
            Beijing,
            interrupt);
        var code = await CliApp.RunAsync(args, console);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Signs in to <paramref name="node"/> as a demo user (under the current profile, or <paramref name="profile"/>).</summary>
    public async Task LoginAsync(NodeTestHost node, string user, string? profile = null)
    {
        string[] args = ["login", user, "--password", DemoDirectory.Password, "--address", $"{node.Address.Host}:{node.Address.Port}"];
        var result = await RunAsync(profile is null ? args : [.. args, "--profile", profile]);
        result.AssertOk();
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
