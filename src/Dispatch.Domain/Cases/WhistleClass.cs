namespace Dispatch.Domain.Cases;

/// <summary>
/// Urgency of a case. Numbered from 1 so that an unset value (0) is rejected instead of silently
/// meaning the first member.
/// </summary>
public enum WhistleClass
{
    /// <summary>Routine.</summary>
    Daily = 1,

    /// <summary>Hard to solve, several parties involved.</summary>
    Tough = 2,

    /// <summary>Danger to people or property right now.</summary>
    Emergency = 3,
}
