using Microsoft.EntityFrameworkCore.Design;

namespace Dispatch.Data.Migrations.Sqlite;

/// <summary>The SQLite context for <c>dotnet ef</c> in this project; needs no node and no server (see <see cref="DesignTimeContext"/>).</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DispatchDbContext>
{
    public DispatchDbContext CreateDbContext(string[] args) =>
        DesignTimeContext.Create(DatabaseProvider.Sqlite, "Data Source=design-time.db", args);
}
