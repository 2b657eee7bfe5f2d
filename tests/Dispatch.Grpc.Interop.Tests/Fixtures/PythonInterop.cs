using System.Diagnostics;

namespace Dispatch.Grpc.Interop.Tests.Fixtures;

/// <summary>Runs Python/dispatch_client.py (Debian's python3-grpcio), which the build copies next to the tests.</summary>
public static class PythonInterop
{
    public const string Interpreter = "/usr/bin/python3";

    /// <summary>Upper bound for one client run; a hang fails the test instead of blocking the suite.</summary>
    private static readonly TimeSpan ClientRunLimit = TimeSpan.FromSeconds(60);

    private static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "Python", "dispatch_client.py");

    /// <summary>Runs one case of the client against the node and returns what it printed.</summary>
    public static async Task<PythonRun> RunClientAsync(InteropNode node, string caseName)
    {
        if (!File.Exists(Interpreter))
        {
            throw new InvalidOperationException(
                $"{Interpreter} does not exist. The interop tests need Debian's python3 with python3-grpcio, "
                + "python3-protobuf and protobuf-compiler (scripts/install-deps.sh installs them).");
        }

        var startInfo = new ProcessStartInfo(Interpreter)
        {
            WorkingDirectory = Path.GetDirectoryName(ScriptPath)!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { ScriptPath, "--target", node.Target, "--case", caseName })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {Interpreter} {ScriptPath}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(ClientRunLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new PythonRun(caseName, -1, await stdout, $"killed after {ClientRunLimit.TotalSeconds} s\n{await stderr}");
        }

        return new PythonRun(caseName, process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs one case and returns its JSON result; a run that did not complete fails the test.</summary>
    public static async Task<System.Text.Json.JsonElement> RunCaseAsync(this InteropNode node, string caseName) =>
        (await RunClientAsync(node, caseName)).Result();
}
