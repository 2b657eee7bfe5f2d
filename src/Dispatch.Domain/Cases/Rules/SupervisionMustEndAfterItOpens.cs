using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

internal sealed class SupervisionMustEndAfterItOpens(DateTimeOffset dueAt, DateTimeOffset now) : IValidationRule
{
    public string Field => "supervisionDueAt";

    public bool IsBroken() => dueAt <= now;

    public string Message => $"supervisionDueAt {dueAt:O} is not after now ({now:O}).";
}
