using Dispatch.Domain.Common;

namespace Dispatch.Domain.Geography.Rules;

/// <summary>A box's south edge is not north of its north edge, nor its west edge east of its east edge.</summary>
internal sealed class BoxCornersMustBeInOrder(string fieldName, double south, double west, double north, double east) : IValidationRule
{
    public string Field => fieldName;

    public bool IsBroken() => south > north || west > east;

    public string Message => $"{fieldName}: south {south} must not exceed north {north}, nor west {west} east {east} (a box may not cross the antimeridian).";
}
