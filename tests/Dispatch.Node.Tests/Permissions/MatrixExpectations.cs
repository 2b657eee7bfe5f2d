using Dispatch.Application.Security;
using Dispatch.Domain.Directory;

namespace Dispatch.Node.Tests.Permissions;

/// <summary>What a cell of the matrix must answer, read from the method's row of the permission table.</summary>
internal static class MatrixExpectations
{
    /// <summary>
    /// Open methods let anyone in; otherwise no caller is UNAUTHENTICATED; a child node may call only the child
    /// nodes' methods (a user token only the users'), within its own cases; a role not in the row is refused; a role
    /// in it is allowed in its own scope and, outside it, only when its scope is the whole node.
    /// </summary>
    public static MatrixExpectation For(Permission row, MatrixCaller caller, bool otherScope)
    {
        if (row.Callers == CallerKind.Anyone)
        {
            return MatrixExpectation.Allowed;
        }

        if (caller == MatrixCaller.Anonymous)
        {
            return MatrixExpectation.Unauthenticated;
        }

        if (row.Callers == CallerKind.ChildNode || caller == MatrixCaller.ChildNode)
        {
            return row.Callers == CallerKind.ChildNode && caller == MatrixCaller.ChildNode && !otherScope
                ? MatrixExpectation.Allowed
                : MatrixExpectation.PermissionDenied;
        }

        return row.ScopeOf(RoleOf(caller)) switch
        {
            null => MatrixExpectation.PermissionDenied,
            Scope.Node => MatrixExpectation.Allowed,
            _ => otherScope ? MatrixExpectation.PermissionDenied : MatrixExpectation.Allowed,
        };
    }

    public static Role RoleOf(MatrixCaller caller) => caller switch
    {
        MatrixCaller.GridWorker => Role.GridWorker,
        MatrixCaller.DepartmentHandler => Role.DepartmentHandler,
        MatrixCaller.Dispatcher => Role.Dispatcher,
        MatrixCaller.Supervisor => Role.Supervisor,
        MatrixCaller.Admin => Role.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, "not a user"),
    };
}
