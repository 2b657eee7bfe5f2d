namespace Dispatch.Cli.App;

/// <summary>
/// Everything the tool takes from its surroundings, so that tests run it in-process: its output and error writers,
/// standard input, a password reader that does not echo, environment variables, the folder its profiles live in, the
/// time zone it shows times in, the token that Ctrl+C cancels, and whether the error writer is a terminal (progress bars
/// are drawn there; plain lines go to a file or pipe).
/// </summary>
internal sealed record CliConsole(
    TextWriter Out,
    TextWriter Error,
    TextReader In,
    bool InputIsTerminal,
    Func<string, string?> ReadPassword,
    Func<string, string?> Environment,
    string ConfigDirectory,
    TimeZoneInfo TimeZone,
    CancellationToken Interrupt,
    bool ErrorIsTerminal = false)
{
    /// <summary>The process's console; Ctrl+C cancels <paramref name="interrupt"/>.</summary>
    public static CliConsole System(CancellationToken interrupt)
    {
        var home = global::System.Environment.GetEnvironmentVariable("DISPATCH_HOME") is { Length: > 0 } folder
            ? folder
            : Path.Combine(global::System.Environment.GetFolderPath(global::System.Environment.SpecialFolder.UserProfile), ".dispatch");
        return new CliConsole(
            Console.Out,
            Console.Error,
            Console.In,
            !Console.IsInputRedirected,
            TerminalPassword.Read,
            global::System.Environment.GetEnvironmentVariable,
            home,
            TimeZoneInfo.Local,
            interrupt,
            !Console.IsErrorRedirected);
    }
}
