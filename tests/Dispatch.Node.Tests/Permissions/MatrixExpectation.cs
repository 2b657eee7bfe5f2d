namespace Dispatch.Node.Tests.Permissions;

/// <summary>What a cell of the permission matrix must answer.</summary>
public enum MatrixExpectation
{
    Allowed,
    PermissionDenied,
    Unauthenticated,
}
