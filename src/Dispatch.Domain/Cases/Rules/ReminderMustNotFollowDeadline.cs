using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

internal sealed class ReminderMustNotFollowDeadline(DateTimeOffset? remindAt, DateTimeOffset? dueAt) : IValidationRule
{
    public string Field => "remindAt";

    public bool IsBroken() => remindAt is not null && dueAt is not null && remindAt > dueAt;

    public string Message => $"remindAt {remindAt:O} is after the deadline {dueAt:O}.";
}
