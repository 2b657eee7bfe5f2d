using Microsoft.EntityFrameworkCore.Design;

namespace Dispatch.Data.Migrations.SqlServer;

/// <summary>The SQL Server context for <c>dotnet ef</c> in this project; needs no node and no server (see <see cref="DesignTimeContext"/>).</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DispatchDbContext>
{
    public DispatchDbContext CreateDbContext(string[] args) =>
        DesignTimeContext.Create(DatabaseProvider.SqlServer, "Server=localhost;Database=dispatch;Integrated Security=true;TrustServerCertificate=true", args);
}
