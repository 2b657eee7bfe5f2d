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
    /// <summary>
    /// A context for one directory operation (its method in the permission table's directory rows), after the caller's
    /// role is checked against the row (anyone else is PERMISSION_DENIED); the directory is the node's, so a role's
    /// scope is the node.
    /// </summary>
    public Task<DispatchDbContext> OpenAsync(CallerIdentity caller, string method, CancellationToken cancellationToken) =>
        OpenAsync(caller, PermissionTable.Of(PermissionTable.DirectoryService, method), cancellationToken);

    /// <summary>A context for an operation of the permission table's row (also the dashboard's own rows).</summary>
    public Task<DispatchDbContext> OpenAsync(CallerIdentity caller, Permission row, CancellationToken cancellationToken)
    {
        row.Require(caller);
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
