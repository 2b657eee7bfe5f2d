using System.Diagnostics;

namespace Dispatch.Grpc.Interop.Tests.Fixtures;

/// <summary>Starts the python grpcio interop scripts that the build copies next to the tests.</summary>
public static class PythonInterop
{
    public const string Interpreter = "/usr/bin/python3";

    /// <summary>Upper bound for one python client run; a hang fails the test instead of blocking the suite.</summary>
    private static readonly TimeSpan ClientRunLimit = TimeSpan.FromSeconds(60);

    public static string ScriptDirectory => Path.Combine(AppContext.BaseDirectory, "Python");

    /// <summary>A started python process with redirected standard streams.</summary>
    public static Process Start(string script, params string[] arguments)
    {
        if (!File.Exists(Interpreter))
        {
            throw new InvalidOperationException(
                $"{Interpreter} does not exist. The interop tests need Debian's python3 with python3-grpcio, "
                + "python3-protobuf and protobuf-compiler (apt-get install python3-grpcio python3-protobuf protobuf-compiler).");
        }

        var scriptPath = Path.Combine(ScriptDirectory, script);
        if (!File.Exists(scriptPath))
        {
            throw new InvalidOperationException($"{scriptPath} does not exist: the build should have copied Python/** to the output directory.");
        }

        var startInfo = new ProcessStartInfo(Interpreter)
        {
            WorkingDirectory = ScriptDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(scriptPath);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        return Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {Interpreter} {scriptPath}.");
    }

    /// <summary>Runs one case of interop_client.py against a plaintext server on a loopback port.</summary>
    public static async Task<PythonRun> RunClientAsync(int port, string caseName)
    {
        using var process = Start("interop_client.py", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--case", caseName);
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
}
