using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

internal sealed class DeadlineMustFollowReport(DateTimeOffset? dueAt, DateTimeOffset reportedAt) : IValidationRule
{
    public string Field => "dueAt";

    public bool IsBroken() => dueAt is not null && dueAt <= reportedAt;

    public string Message => $"dueAt {dueAt:O} is not after the time the case was reported ({reportedAt:O}).";
}
