using System.Diagnostics;

namespace Dispatch.Node.Tests.Cli;

/// <summary>The built tool as a process: what `dotnet tool install` puts on the PATH runs the same entry point.</summary>
public sealed class CliPackagingTests
{
    [Fact]
    public async Task Tool_HelpAsAProcess_ListsCommandsAndExitCodes()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "dispatch.dll"), "--help"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["LANG"] = "en_US.UTF-8", ["DISPATCH_HOME"] = Path.GetTempPath() },
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, error);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("  report ", output, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", output, StringComparison.Ordinal);
    }
}
