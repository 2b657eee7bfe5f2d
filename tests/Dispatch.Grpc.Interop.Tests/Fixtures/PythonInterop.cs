using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Dispatch.Grpc.Interop.Tests.Fixtures;

/// <summary>Runs Python/dispatch_client.py (Debian's python3-grpcio), which the build copies next to the tests.</summary>
public static class PythonInterop
{
    public const string Interpreter = "/usr/bin/python3";

    /// <summary>Upper bound for one client run; a hang fails the test instead of blocking the suite.</summary>
    private static readonly TimeSpan ClientRunLimit = TimeSpan.FromSeconds(60);

    /// <summary>How long the node may take to end a call after the client cancelled it or its deadline passed.</summary>
    private static readonly TimeSpan CallEndLimit = TimeSpan.FromSeconds(20);

    private static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "Python", "dispatch_client.py");

    /// <summary>
    /// Runs one case of the client against the node and returns what it printed; over TLS when the node has a CA,
    /// unless <paramref name="plainText"/>.
    /// </summary>
    public static async Task<PythonRun> RunClientAsync(InteropNode node, string caseName, bool plainText = false)
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

        if (node.CaPath is { } ca && !plainText)
        {
            startInfo.ArgumentList.Add("--ca");
            startInfo.ArgumentList.Add(ca);
        }

        startInfo.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {Interpreter} {ScriptPath}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = new StringBuilder();
        using var limit = new CancellationTokenSource(ClientRunLimit);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
            {
                stdout.AppendLine(line);
                await AnswerAsync(node, line, process.StandardInput);
            }

            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new PythonRun(caseName, -1, stdout.ToString(), $"killed after {ClientRunLimit.TotalSeconds} s\n{await stderr}");
        }

        return new PythonRun(caseName, process.ExitCode, stdout.ToString(), await stderr);
    }

    /// <summary>
    /// Answers a client that asks (<c>{"await_call_end": id}</c>) whether the node has ended the call it
    /// tagged with that id: "ended" once it has, "not-ended" when it has not within <see cref="CallEndLimit"/>.
    /// </summary>
    private static async Task AnswerAsync(InteropNode node, string line, StreamWriter input)
    {
        if (!line.StartsWith("{\"await_call_end\"", StringComparison.Ordinal))
        {
            return;
        }

        using var request = JsonDocument.Parse(line);
        var callId = request.RootElement.GetProperty("await_call_end").GetString()!;
        var answer = "ended";
        try
        {
            await node.CallEndedAsync(callId).WaitAsync(CallEndLimit);
        }
        catch (TimeoutException)
        {
            answer = "not-ended";
        }

        await input.WriteLineAsync(answer);
        await input.FlushAsync();
    }

    /// <summary>Runs one case and returns its JSON result; a run that did not complete fails the test.</summary>
    public static async Task<JsonElement> RunCaseAsync(this InteropNode node, string caseName, bool plainText = false) =>
        (await RunClientAsync(node, caseName, plainText)).Result();
}
