namespace Dispatch.Domain.Cases;

/// <summary>
/// How a case is handled. Numbered from 1 so that an unset value (0) is rejected instead of silently
/// meaning <see cref="Immediate"/>, which would skip intake.
/// </summary>
public enum HandlingMode
{
    /// <summary>Fixed on the spot by the reporter; the case is reported as resolved and still needs verification.</summary>
    Immediate = 1,

    /// <summary>Simple case, fast track.</summary>
    Fast = 2,

    /// <summary>Handled by one department.</summary>
    Split = 3,

    /// <summary>Handled by several departments together.</summary>
    Joint = 4,

    /// <summary>Led by the node's leadership.</summary>
    Leader = 5,
}
