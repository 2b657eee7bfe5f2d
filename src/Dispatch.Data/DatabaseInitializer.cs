using Microsoft.EntityFrameworkCore;

namespace Dispatch.Data;

/// <summary>Brings a node's database to the current schema at start-up.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<DispatchDbContext> contexts, DatabaseSettings settings)
{
    /// <summary>
    /// Creates the SQLite file's folder when missing and applies the pending migrations. EF takes a
    /// migration lock, so replicas starting together on one PostgreSQL database apply them once.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var file = settings.SqliteFilePath();
        var folder = file is null ? null : Path.GetDirectoryName(file);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }
}
