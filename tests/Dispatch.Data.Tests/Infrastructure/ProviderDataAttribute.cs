using System.Reflection;
using Xunit.Sdk;

namespace Dispatch.Data.Tests.Infrastructure;

/// <summary>
/// Runs a theory on one database provider. The PostgreSQL row is skipped, with the reason, when no test
/// server is configured, except under <c>CI=true</c>, where it runs and fails with a clear message.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class ProviderDataAttribute : DataAttribute
{
    public ProviderDataAttribute(DatabaseProvider provider)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Postgres && PostgresServer.ConnectionString is null && !PostgresServer.IsRequired)
        {
            Skip = PostgresServer.SkipReason;
        }
    }

    public DatabaseProvider Provider { get; }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Provider]];
}
