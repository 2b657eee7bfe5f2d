namespace Dispatch.Node.Tests.Permissions;

/// <summary>Who calls in the permission matrix: no one signed in, a demo user of each role, or a registered child node.</summary>
public enum MatrixCaller
{
    Anonymous,
    GridWorker,
    DepartmentHandler,
    Dispatcher,
    Supervisor,
    Admin,
    ChildNode,
}
