using System.Text.RegularExpressions;

namespace Dispatch.Node.Tests.Cli;

/// <summary>Shared steps of the tool's tests: a report as a grid worker types it, and the case number it prints.</summary>
public static partial class CliCases
{
    public const string Grid1 = NodeTestBase.Grid1;

    public static string[] Report(string title, string requestId, params string[] more) =>
    [
        "report", "--title", title, "--category", "0201", "--grid", Grid1, "--lat", "39.9", "--lon", "116.4",
        "--place", "North gate", "--request-id", requestId, .. more,
    ];

    /// <summary>Reports as <paramref name="worker"/> (signed in) and returns the new case's number.</summary>
    public static async Task<string> ReportAsync(CliUser worker, string title, string requestId, params string[] more)
    {
        var result = await worker.RunAsync(Report(title, requestId, more));
        result.AssertOk();
        return Number(result);
    }

    /// <summary>The first case number in the output.</summary>
    public static string Number(CliResult result) =>
        CaseNumber().Match(result.Out) is { Success: true } match ? match.Value : throw new Xunit.Sdk.XunitException($"no case number in: {result.Out} {result.Error}");

    [GeneratedRegex(@"C-\d{8}-[0-9A-Z]+")]
    private static partial Regex CaseNumber();
}
