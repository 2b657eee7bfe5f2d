using Dispatch.Application.Errors;
using Dispatch.Application.Security;
using Dispatch.Domain.Directory;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Directory;

/// <summary>The node's users, for administrators: list them, add and change them (with their password).</summary>
internal sealed class UserDirectory(DirectoryStore store, IPasswordHasher<User> hasher)
{
    public const int PasswordMinLength = 8;
    public const int PasswordMaxLength = 256;

    /// <summary>The dashboard's own row for <see cref="ListWorkersAsync"/>.</summary>
    public static readonly Permission ListWorkers = PermissionTable.Of(PermissionTable.Dashboard, "ListWorkers");

    /// <summary>The users, by user name; only those of <paramref name="role"/> when given.</summary>
    public async Task<IReadOnlyList<User>> ListAsync(CallerIdentity caller, Role? role, CancellationToken cancellationToken)
    {
        await using var db = await store.OpenAsync(caller, "ListUsers", cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return role is { } only ? users.Where(u => u.Role == only).ToList() : users;
    }

    /// <summary>The grid workers a case can be assigned to, for those who assign cases (dispatchers) and administrators.</summary>
    public async Task<IReadOnlyList<User>> ListWorkersAsync(CallerIdentity caller, CancellationToken cancellationToken)
    {
        await using var db = await store.OpenAsync(caller, ListWorkers, cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.Role == Role.GridWorker).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
    }

    public async Task<User> UpsertAsync(CallerIdentity caller, UpsertUserCommand request, CancellationToken cancellationToken)
    {
        if (request.Password.Length > 0 && request.Password.Length is < PasswordMinLength or > PasswordMaxLength)
        {
            throw new InvalidRequestException("password", $"must be {PasswordMinLength} to {PasswordMaxLength} characters.");
        }

        await using var db = await store.OpenAsync(caller, "UpsertUser", cancellationToken);
        await DirectoryStore.EnsureExistAsync(db, request.GridIds, request.DepartmentId, cancellationToken);
        User user;
        if (request.Id is not { } id)
        {
            if (request.Password.Length == 0)
            {
                throw new InvalidRequestException("password", "is required for a new user.");
            }

            user = new User(Guid.NewGuid(), request.UserName, request.DisplayName, request.Role, "pending", request.GridIds, request.DepartmentId);
            user.ChangePasswordHash(hasher.HashPassword(user, request.Password));
            db.Users.Add(user);
        }
        else
        {
            user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw new NotFoundException("User", id.ToString());
            user.Rename(request.DisplayName);
            user.ChangeRole(request.Role, request.GridIds, request.DepartmentId);
            if (request.Password.Length > 0)
            {
                user.ChangePasswordHash(hasher.HashPassword(user, request.Password));
            }
        }

        await DirectoryStore.SaveAsync(db, $"User name {Domain.Common.ClientValue.Quote(request.UserName)} is already taken.", cancellationToken);
        return user;
    }

    /// <summary>Lifts a lockout after too many wrong passwords (administrators); unlocking an unlocked user changes nothing.</summary>
    public async Task<User> UnlockAsync(CallerIdentity caller, Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await store.OpenAsync(caller, "UnlockUser", cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw new NotFoundException("User", userId.ToString());
        if (user.IsLocked || user.FailedSignIns > 0)
        {
            user.Unlock();
            await db.SaveChangesAsync(cancellationToken);
        }

        return user;
    }
}
