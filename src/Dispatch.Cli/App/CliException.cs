namespace Dispatch.Cli.App;

/// <summary>A failure the tool explains itself (bad local input, no session): its message is already localized.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.Usage) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
