namespace Dispatch.Node.Tests.Cli;

/// <summary>What one run of the tool printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] Lines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A failure a user caused: the exit code and friendly text, never a stack trace.</summary>
    public void AssertFailure(int exitCode, params string[] fragments)
    {
        Assert.True(exitCode == ExitCode, $"exit {ExitCode}, expected {exitCode}; out: {Out}; error: {Error}");
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, Error, StringComparison.Ordinal);
        }

        AssertNoStackTrace();
    }

    public void AssertOk()
    {
        Assert.True(ExitCode == 0, $"exit {ExitCode}; out: {Out}; error: {Error}");
        Assert.Equal("", Error);
    }

    public void AssertNoStackTrace()
    {
        Assert.DoesNotContain("   at ", Out + Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", Out + Error, StringComparison.Ordinal);
    }
}
