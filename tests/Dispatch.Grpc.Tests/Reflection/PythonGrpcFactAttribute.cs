using System.Diagnostics;

namespace Dispatch.Grpc.Tests.Reflection;

/// <summary>
/// A fact that needs Debian's python3-grpcio (scripts/install-deps.sh installs it); skipped, with
/// the reason shown, on a machine without it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PythonGrpcFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<bool> Available = new(Probe);

    public PythonGrpcFactAttribute()
    {
        if (!Available.Value)
        {
            Skip = $"{Python} with the grpc module (python3-grpcio) is not installed.";
        }
    }

    private static bool Probe()
    {
        if (!File.Exists(Python))
        {
            return false;
        }

        using var process = Process.Start(new ProcessStartInfo(Python)
        {
            ArgumentList = { "-c", "import grpc, google.protobuf" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        });
        if (process is null)
        {
            return false;
        }

        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
            return false;
        }

        return process.ExitCode == 0;
    }
}
