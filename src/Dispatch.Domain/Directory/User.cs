using Dispatch.Domain.Common;
using Dispatch.Domain.Common.Rules;
using Dispatch.Domain.Directory.Rules;
using Dispatch.Domain.Geography;

namespace Dispatch.Domain.Directory;

/// <summary>
/// Someone who signs in to a node. The role decides the scope: grid workers act in their grids,
/// department handlers on their department's cases. The password hash is computed by the host.
/// </summary>
public sealed class User
{
    private readonly List<GridId> _gridIds = [];

#pragma warning disable CS8618 // EF Core materialises users through this constructor and sets every property.
    private User()
    {
    }
#pragma warning restore CS8618

    public User(Guid id, string userName, string displayName, Role role, string passwordHash, IReadOnlyList<GridId>? gridIds = null, Guid? departmentId = null)
    {
        Check.Input(new IdIsRequired("id", id));
        Check.RequiredText("userName", userName, DirectoryLimits.UserNameMaxLength);
        Check.Input(new UserNameMustNotContainWhitespace(userName));
        Check.RequiredText("displayName", displayName, DirectoryLimits.DisplayNameMaxLength);
        Check.RequiredText("passwordHash", passwordHash, DirectoryLimits.PasswordHashMaxLength);
        ValidateScope(role, gridIds ?? [], departmentId);

        Id = id;
        UserName = userName;
        DisplayName = displayName;
        PasswordHash = passwordHash;
        ApplyScope(role, gridIds ?? [], departmentId);
    }

    public Guid Id { get; private set; }

    /// <summary>The sign-in name; unique per node (the store enforces it).</summary>
    public string UserName { get; private set; }

    public string DisplayName { get; private set; }

    public Role Role { get; private set; }

    public string PasswordHash { get; private set; }

    /// <summary>The grids a grid worker patrols; empty for every other role.</summary>
    public IReadOnlyList<GridId> GridIds => _gridIds.AsReadOnly();

    /// <summary>The department of a department handler; null for every other role.</summary>
    public Guid? DepartmentId { get; private set; }

    /// <summary>Wrong passwords given in a row (within <see cref="SignInLockout.FailureWindow"/> of each other).</summary>
    public int FailedSignIns { get; private set; }

    public DateTimeOffset? LastFailedSignInAt { get; private set; }

    /// <summary>When too many wrong passwords locked the account; null while it is not locked.</summary>
    public DateTimeOffset? LockedAt { get; private set; }

    public bool IsLocked => LockedAt is not null;

    /// <summary>An administrator lifts a lockout; the count of wrong passwords starts again.</summary>
    public void Unlock()
    {
        LockedAt = null;
        FailedSignIns = 0;
        LastFailedSignInAt = null;
    }

    public void Rename(string displayName)
    {
        Check.RequiredText("displayName", displayName, DirectoryLimits.DisplayNameMaxLength);
        DisplayName = displayName;
    }

    public void ChangePasswordHash(string passwordHash)
    {
        Check.RequiredText("passwordHash", passwordHash, DirectoryLimits.PasswordHashMaxLength);
        PasswordHash = passwordHash;
    }

    /// <summary>Changes the role and its scope together, so they always agree.</summary>
    public void ChangeRole(Role role, IReadOnlyList<GridId>? gridIds = null, Guid? departmentId = null)
    {
        ValidateScope(role, gridIds ?? [], departmentId);
        ApplyScope(role, gridIds ?? [], departmentId);
    }

    private static void ValidateScope(Role role, IReadOnlyList<GridId> gridIds, Guid? departmentId)
    {
        Check.Input(new EnumValueMustBeDefined("role", role));
        for (var i = 0; i < gridIds.Count; i++)
        {
            Check.Input(new ValueIsRequired($"gridIds[{i}]", gridIds[i]));
        }

        Check.Input(new GridWorkerMustHaveAGrid(role, gridIds.Count));
        Check.Input(new OnlyGridWorkersHaveGrids(role, gridIds.Count));
        Check.Input(new DepartmentHandlerMustHaveADepartment(role, departmentId));
        Check.Input(new OnlyDepartmentHandlersHaveADepartment(role, departmentId));
    }

    private void ApplyScope(Role role, IReadOnlyList<GridId> gridIds, Guid? departmentId)
    {
        Role = role;
        _gridIds.Clear();
        _gridIds.AddRange(gridIds.Distinct());
        DepartmentId = departmentId;
    }
}
