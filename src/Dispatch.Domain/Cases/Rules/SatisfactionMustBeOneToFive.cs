using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

internal sealed class SatisfactionMustBeOneToFive(int satisfaction) : IValidationRule
{
    public string Field => "satisfaction";

    public bool IsBroken() => satisfaction is < CaseLimits.SatisfactionMin or > CaseLimits.SatisfactionMax;

    public string Message =>
        $"satisfaction {satisfaction} is outside {CaseLimits.SatisfactionMin}..{CaseLimits.SatisfactionMax}.";
}
