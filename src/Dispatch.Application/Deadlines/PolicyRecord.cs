using Dispatch.Data;
using Dispatch.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Deadlines;

/// <summary>
/// The fingerprint of the deadline policy the running cases were scheduled by (<see cref="PolicyRollout.Fingerprint"/>),
/// kept in the node's own database: it outlives the scheduler's storage (in memory on SQLite) and is shared by replicas.
/// </summary>
internal sealed class PolicyRecord(IDbContextFactory<DispatchDbContext> contexts)
{
    private const string Key = "deadlines.policy";

    /// <summary>The fingerprint last recorded; null on a node that has recorded none.</summary>
    public async Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.NodeSettings.AsNoTracking().Where(s => s.Key == Key).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task WriteAsync(string fingerprint, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await context.NodeSettings.FirstOrDefaultAsync(s => s.Key == Key, cancellationToken);
        if (stored is null)
        {
            context.NodeSettings.Add(new NodeSetting(Key, fingerprint));
        }
        else
        {
            stored.Change(fingerprint);
        }

        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // A replica starting at the same time recorded it first, from the same settings.
        }
    }
}
