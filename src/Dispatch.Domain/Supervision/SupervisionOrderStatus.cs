namespace Dispatch.Domain.Supervision;

public enum SupervisionOrderStatus
{
    /// <summary>Running: the unit has until the order's deadline.</summary>
    Open = 1,

    /// <summary>A summons the department acknowledged in time. Final.</summary>
    Acknowledged = 2,

    /// <summary>The order's deadline passed first. Stays until the case closes.</summary>
    Breached = 3,

    /// <summary>The case was closed (or left the node: escalated, merged, rejected). Final.</summary>
    Closed = 4,
}
