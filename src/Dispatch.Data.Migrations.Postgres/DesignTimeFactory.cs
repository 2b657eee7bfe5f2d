using Microsoft.EntityFrameworkCore.Design;

namespace Dispatch.Data.Migrations.Postgres;

/// <summary>The PostgreSQL context for <c>dotnet ef</c> in this project; needs no node and no server (see <see cref="DesignTimeContext"/>).</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DispatchDbContext>
{
    public DispatchDbContext CreateDbContext(string[] args) =>
        DesignTimeContext.Create(DatabaseProvider.Postgres, "Host=localhost;Database=dispatch;Username=dispatch", args);
}
