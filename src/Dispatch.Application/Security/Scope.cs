namespace Dispatch.Application.Security;

/// <summary>How far a role's permission for an operation reaches (a row of <see cref="PermissionTable"/>).</summary>
internal enum Scope
{
    /// <summary>Everything at this node.</summary>
    Node = 1,

    /// <summary>What lies in the caller's own grids.</summary>
    OwnGrid,

    /// <summary>In the caller's own grids and assigned to the caller themself.</summary>
    OwnAssignment,

    /// <summary>In the caller's own grids and reported by the caller themself.</summary>
    OwnReport,

    /// <summary>What is assigned to (or summons) the caller's own department.</summary>
    OwnDepartment,

    /// <summary>A child node's own escalated cases and orders.</summary>
    OwnNode,
}
