using Dispatch.Domain.Common;

namespace Dispatch.Domain.Supervision.Rules;

internal sealed class OrderMustEndAfterItOpens(DateTimeOffset dueAt, DateTimeOffset now) : IValidationRule
{
    public string Field => "dueAt";

    public bool IsBroken() => dueAt <= now;

    public string Message => $"dueAt {dueAt:O} is not after the time the order opens ({now:O}).";
}
