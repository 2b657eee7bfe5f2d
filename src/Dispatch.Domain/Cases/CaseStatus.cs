namespace Dispatch.Domain.Cases;

/// <summary>Where a case is in the closed loop. Legal moves between these are listed in <see cref="CaseLifecycle"/>.</summary>
public enum CaseStatus
{
    /// <summary>Reported by a grid worker, waiting for the command centre.</summary>
    Reported,

    /// <summary>Accepted by the command centre, waiting to be assigned.</summary>
    Accepted,

    /// <summary>Refused at intake (not a case for this platform, or not actionable). Final.</summary>
    Rejected,

    /// <summary>Assigned to a worker or a department, not started yet.</summary>
    Assigned,

    /// <summary>The assignee is working on it.</summary>
    InProgress,

    /// <summary>The handler says it is fixed; waiting for verification by someone else.</summary>
    Resolved,

    /// <summary>Verified as fixed. Can be reopened.</summary>
    Closed,

    /// <summary>Verification failed: back to the assignee for rework.</summary>
    Returned,

    /// <summary>Put on hold until a date; the deadline clock is paused.</summary>
    Deferred,

    /// <summary>Sent to the parent node, which now owns the handling.</summary>
    Escalated,

    /// <summary>A duplicate, merged into its original case. Final.</summary>
    Merged,
}
