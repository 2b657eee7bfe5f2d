namespace Dispatch.Grpc.Interop.Tests.Fixtures;

/// <summary>The outcome of one run of the python interop client.</summary>
public sealed record PythonRun(string CaseName, int ExitCode, string StandardOutput, string StandardError)
{
    public bool Passed => ExitCode == 0;

    public override string ToString() =>
        $"python interop client, case {CaseName}: exit code {ExitCode}\nstdout: {StandardOutput.Trim()}\nstderr: {StandardError.Trim()}";
}
