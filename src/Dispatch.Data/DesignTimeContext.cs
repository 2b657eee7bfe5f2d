using Microsoft.EntityFrameworkCore;

namespace Dispatch.Data;

/// <summary>
/// The context that <c>dotnet ef</c> works with in a provider's migrations project (its
/// <c>IDesignTimeDbContextFactory</c>): the node's own options for that provider, so the model, and with it every
/// generated migration and snapshot, is the one a node runs. Adding a migration or writing a script connects to
/// nothing; the placeholder connection string serves them. Commands that do connect (<c>database update</c>) take
/// the real one after <c>--</c>: <c>dotnet ef database update -- --connection "..."</c>.
/// </summary>
internal static class DesignTimeContext
{
    private const string ConnectionOption = "--connection";

    public static DispatchDbContext Create(DatabaseProvider provider, string placeholderConnectionString, string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var index = Array.IndexOf(args, ConnectionOption);
        var connectionString = index >= 0 && index + 1 < args.Length ? args[index + 1] : placeholderConnectionString;
        var options = new DbContextOptionsBuilder<DispatchDbContext>();
        DispatchDbContextOptions.Configure(options, new DatabaseSettings(provider, connectionString));
        return new DispatchDbContext(options.Options);
    }
}
