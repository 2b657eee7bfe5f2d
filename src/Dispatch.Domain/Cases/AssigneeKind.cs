namespace Dispatch.Domain.Cases;

/// <summary>Who a case is assigned to. Numbered from 1 so that an unset value (0) is rejected.</summary>
public enum AssigneeKind
{
    /// <summary>A user (usually a grid worker); the id is the user's id.</summary>
    Worker = 1,

    /// <summary>A department; the id is the department's id and any of its handlers may act.</summary>
    Department = 2,
}
