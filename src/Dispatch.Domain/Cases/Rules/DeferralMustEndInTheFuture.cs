using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

internal sealed class DeferralMustEndInTheFuture(DateTimeOffset until, DateTimeOffset now) : IValidationRule
{
    public string Field => "until";

    public bool IsBroken() => until <= now;

    public string Message => $"until {until:O} is not after now ({now:O}).";
}
