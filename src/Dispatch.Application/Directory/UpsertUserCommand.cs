using Dispatch.Domain.Directory;
using Dispatch.Domain.Geography;

namespace Dispatch.Application.Directory;

/// <summary>
/// Add a user (no id; a password is required), or change the user with this id. An empty password leaves an
/// existing user's password as it is.
/// </summary>
internal sealed record UpsertUserCommand(Guid? Id, string UserName, string DisplayName, Role Role, IReadOnlyList<GridId> GridIds, Guid? DepartmentId, string Password);
