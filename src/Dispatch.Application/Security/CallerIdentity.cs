using Dispatch.Domain.Directory;
using Dispatch.Domain.Geography;

namespace Dispatch.Application.Security;

/// <summary>Who is calling, from a validated token: the user, their role and their scope.</summary>
internal sealed record CallerIdentity(Guid UserId, string UserName, Role Role, IReadOnlyList<GridId> GridIds, Guid? DepartmentId)
{
    public bool WorksIn(GridId grid) => GridIds.Contains(grid);

    public static CallerIdentity From(User user) =>
        new(user.Id, user.UserName, user.Role, user.GridIds, user.DepartmentId);
}
