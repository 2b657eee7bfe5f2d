using System.Diagnostics;

namespace Dispatch.Node.Tests.Infrastructure;

/// <summary>
/// Runs the node program (its build beside these tests, Dispatch.Node.dll) as a process of its own, e.g. an
/// operator's <c>backup</c> next to a node serving in this process, and collects what it printed.
/// </summary>
public static class NodeProgram
{
    private static readonly TimeSpan ExitLimit = TimeSpan.FromMinutes(2);

    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(params string[] args)
    {
        // The dotnet host running the tests (set by the SDK), else dotnet from the PATH.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Dispatch.Node.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The node program did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(ExitLimit);
        await process.WaitForExitAsync(limit.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
