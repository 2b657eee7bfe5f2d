using Dispatch.Application.Errors;
using Dispatch.Application.Security;
using Dispatch.Data;
using Dispatch.Domain.Geography;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Directory;

/// <summary>
/// What the directory's use cases share: a context for one call, opened after the permission check, and saving
/// with a unique name or code that something else has turned into ALREADY_EXISTS. Directory changes are rare
/// administration, not case changes: they save on their own context, not through the case writer.
/// </summary>
internal sealed class DirectoryStore(IDbContextFactory<DispatchDbContext> contexts)
{
    /// <summary>A context for a read any signed-in caller may make.</summary>
    public Task<DispatchDbContext> OpenAsync(CancellationToken cancellationToken) => contexts.CreateDbContextAsync(cancellationToken);

    /// <summary>A context for reading the routing rules (only the command centre's roles may).</summary>
    public Task<DispatchDbContext> OpenForRoutingRulesAsync(CallerIdentity caller, CancellationToken cancellationToken)
    {
        Cases.CasePermissions.EnsureCanReadRoutingRules(caller);
        return contexts.CreateDbContextAsync(cancellationToken);
    }

    /// <summary>A context for an administrator's change (anyone else is PERMISSION_DENIED).</summary>
    public Task<DispatchDbContext> OpenAsAdminAsync(CallerIdentity caller, CancellationToken cancellationToken)
    {
        Cases.CasePermissions.EnsureAdmin(caller);
        return contexts.CreateDbContextAsync(cancellationToken);
    }

    /// <summary>Saves; a unique index (user name, department code) that the change would break is a <see cref="ConflictException"/>.</summary>
    public static async Task SaveAsync(DispatchDbContext db, string conflict, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            throw new ConflictException(conflict);
        }
    }

    /// <summary>
    /// The grids and department a change refers to must be in the directory: unknown ones are NOT_FOUND, not
    /// dangling references.
    /// </summary>
    public static async Task EnsureExistAsync(DispatchDbContext db, IReadOnlyList<GridId> grids, Guid? department, CancellationToken cancellationToken)
    {
        foreach (var grid in grids)
        {
            if (!await db.Grids.AnyAsync(g => g.Id == grid, cancellationToken))
            {
                throw new NotFoundException("Grid", grid.Value);
            }
        }

        if (department is { } id && !await db.Departments.AnyAsync(d => d.Id == id, cancellationToken))
        {
            throw new NotFoundException("Department", id.ToString());
        }
    }
}
