namespace Dispatch.Domain.Directory;

/// <summary>What a user may do at a node. Numbered from 1 so that an unset value (0) is rejected.</summary>
public enum Role
{
    /// <summary>Patrols their own grid(s): reports, handles small cases on the spot, verifies.</summary>
    GridWorker = 1,

    /// <summary>The node's command centre: accepts, assigns, escalates.</summary>
    Dispatcher = 2,

    /// <summary>Works the cases assigned to their department.</summary>
    DepartmentHandler = 3,

    /// <summary>Supervision and evaluation.</summary>
    Supervisor = 4,

    /// <summary>Maintains the directory.</summary>
    Admin = 5,
}
