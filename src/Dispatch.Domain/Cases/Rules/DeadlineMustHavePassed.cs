using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

/// <summary>Guards against a stale breach (e.g. a job scheduled before the deadline moved).</summary>
internal sealed class DeadlineMustHavePassed(DateTimeOffset? dueAt, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => dueAt is null || now < dueAt;

    public string Message => dueAt is null
        ? "The case has no deadline."
        : $"The deadline {dueAt:O} has not passed yet (now {now:O}).";
}
