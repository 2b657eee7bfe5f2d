using Dispatch.Application.Errors;
using Dispatch.Domain.Directory;

namespace Dispatch.Application.Security;

/// <summary>
/// One row of <see cref="PermissionTable"/>: an operation (an RPC, or one only the dashboard offers), the kind of
/// caller it is for and, for users, the roles that may take it with the scope each has.
/// </summary>
internal sealed record Permission(string Service, string Method, CallerKind Callers, IReadOnlyDictionary<Role, Scope> Roles)
{
    /// <summary>The operation as gRPC names a method: <c>package.Service/Method</c>.</summary>
    public string Name => $"{Service}/{Method}";

    /// <summary>The role's scope for this operation; null when the role may not take it at all.</summary>
    public Scope? ScopeOf(Role role) => Roles.TryGetValue(role, out var scope) ? scope : null;

    public bool Allows(Role role) => Callers == CallerKind.Anyone || Roles.ContainsKey(role);

    /// <summary>Why a user of the role may not take the operation; null when they may.</summary>
    public string? RoleRefusal(Role role) => Allows(role) ? null : $"Role {role} may not {Words} ({Method}); {Who} may.";

    /// <summary>Fails with PERMISSION_DENIED unless the caller's role may take the operation (its scope is the caller's to check).</summary>
    public Scope Require(CallerIdentity caller) =>
        ScopeOf(caller.Role) ?? throw new AccessDeniedException(RoleRefusal(caller.Role) ?? $"Role {caller.Role} may not call {Method}.");

    /// <summary>Who may, in words: "only a child node", "dispatchers and administrators".</summary>
    public string Who => Callers switch
    {
        CallerKind.Anyone => "anyone",
        CallerKind.ChildNode => "only a registered child node",
        _ => "only " + string.Join(", ", Roles.Keys.Order().Select(Plural)),
    };

    /// <summary>The method in words: ListRoutingRules, "list routing rules".</summary>
    private string Words => string.Concat(Method.Select((c, i) => char.IsUpper(c) ? (i == 0 ? "" : " ") + char.ToLowerInvariant(c) : c.ToString()));

    private static string Plural(Role role) => role switch
    {
        Role.GridWorker => "grid workers",
        Role.DepartmentHandler => "department handlers",
        Role.Admin => "administrators",
        _ => role.ToString().ToLowerInvariant() + "s",
    };
}
