using Dispatch.Domain.Common;

namespace Dispatch.Domain.Geography.Rules;

internal sealed class LongitudeMustBeWithinRange(string fieldName, double longitude) : IValidationRule
{
    public string Field => fieldName;

    // Written so that NaN is broken too: every comparison with NaN is false.
    public bool IsBroken() => !(longitude >= -180 && longitude <= 180);

    public string Message => $"{fieldName} {longitude} is outside -180..180 degrees.";
}
