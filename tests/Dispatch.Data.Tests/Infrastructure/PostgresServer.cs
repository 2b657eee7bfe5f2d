namespace Dispatch.Data.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: the connection string in <c>DISPATCH_TEST_POSTGRES</c>
/// (<c>scripts/postgres.sh start</c> prints one; <c>scripts/test.sh</c> sets it). Its role must be allowed
/// to create databases: every test creates its own and drops it afterwards.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "DISPATCH_TEST_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>In CI a missing server is a failure, never a silent skip.</summary>
    public static bool IsRequired =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string SkipReason =>
        $"{Variable} is not set: run `scripts/postgres.sh start` and export what it prints as {Variable} " +
        "(scripts/test.sh does both).";

    public static string RequireConnectionString() =>
        ConnectionString ?? throw new InvalidOperationException(
            $"{Variable} is not set, and PostgreSQL tests cannot be skipped when CI=true. " +
            $"Start the server with `scripts/postgres.sh start` and export the connection string it prints as {Variable}.");
}
