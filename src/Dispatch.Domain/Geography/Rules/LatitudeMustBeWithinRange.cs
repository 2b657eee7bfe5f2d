using Dispatch.Domain.Common;

namespace Dispatch.Domain.Geography.Rules;

internal sealed class LatitudeMustBeWithinRange(string fieldName, double latitude) : IValidationRule
{
    public string Field => fieldName;

    // Written so that NaN is broken too: every comparison with NaN is false.
    public bool IsBroken() => !(latitude >= -90 && latitude <= 90);

    public string Message => $"{fieldName} {latitude} is outside -90..90 degrees.";
}
