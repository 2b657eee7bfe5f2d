using System.Text.Json;

namespace Dispatch.Grpc.Interop.Tests.Fixtures;

/// <summary>The outcome of one run of the python client.</summary>
public sealed record PythonRun(string CaseName, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>The JSON the case printed last; fails the test with the whole run when the case did not run through.</summary>
    public JsonElement Result()
    {
        Assert.True(ExitCode == 0, ToString());
        try
        {
            // The last line: lines before it are the client's questions to the test (see PythonInterop).
            var last = StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
            using var document = JsonDocument.Parse(last);
            return document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            Assert.Fail($"{this}\nstdout is not JSON: {error.Message}");
            throw;
        }
    }

    public override string ToString() =>
        $"python client, case {CaseName}: exit code {ExitCode}\nstdout: {StandardOutput.Trim()}\nstderr: {StandardError.Trim()}";
}
