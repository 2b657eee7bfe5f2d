using Dispatch.Domain.Cases;

namespace Dispatch.Domain.Deadlines;

/// <summary>
/// A node's deadline policy: a rule per whistle class, optional rules per category (a leaf code, or a
/// top-level code for all its children, the leaf winning), the share of the time after which a reminder
/// goes out, and the limits of what follows a breach (the supervision order's own deadline, a summons'
/// acknowledgement time).
/// </summary>
public sealed class DeadlinePolicy
{
    public DeadlinePolicy(
        IReadOnlyDictionary<WhistleClass, DeadlineRule> byWhistle,
        IReadOnlyDictionary<string, DeadlineRule>? byCategory = null,
        double reminderShare = 0.75,
        TimeSpan? supervisionLimit = null,
        TimeSpan? summonsLimit = null,
        bool escalateOnSupervisionBreach = true)
    {
        foreach (var whistle in Enum.GetValues<WhistleClass>())
        {
            if (!byWhistle.ContainsKey(whistle))
            {
                throw new ArgumentException($"The deadline policy has no rule for whistle class {whistle}.", nameof(byWhistle));
            }
        }

        if (reminderShare is <= 0 or >= 1 || double.IsNaN(reminderShare))
        {
            throw new ArgumentOutOfRangeException(nameof(reminderShare), reminderShare, "The reminder share must be between 0 and 1 (exclusive).");
        }

        foreach (var (key, rule) in byWhistle.Select(p => (p.Key.ToString(), p.Value)).Concat((byCategory ?? new Dictionary<string, DeadlineRule>()).Select(p => (p.Key, p.Value))))
        {
            if (rule.Limit <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(byWhistle), rule.Limit, $"The deadline for {key} must be positive.");
            }
        }

        ByWhistle = byWhistle;
        ByCategory = byCategory ?? new Dictionary<string, DeadlineRule>();
        ReminderShare = reminderShare;
        SupervisionLimit = supervisionLimit ?? TimeSpan.FromHours(24);
        SummonsLimit = summonsLimit ?? TimeSpan.FromMinutes(30);
        EscalateOnSupervisionBreach = escalateOnSupervisionBreach;
        if (SupervisionLimit <= TimeSpan.Zero || SummonsLimit <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(supervisionLimit), "Supervision and summons limits must be positive.");
        }
    }

    /// <summary>Emergency 2 hours, Daily 24 hours, Tough 7 days, in elapsed time; reminder at 75%.</summary>
    public static DeadlinePolicy Default { get; } = new(new Dictionary<WhistleClass, DeadlineRule>
    {
        [WhistleClass.Emergency] = new(TimeSpan.FromHours(2)),
        [WhistleClass.Daily] = new(TimeSpan.FromHours(24)),
        [WhistleClass.Tough] = new(TimeSpan.FromDays(7)),
    });

    public IReadOnlyDictionary<WhistleClass, DeadlineRule> ByWhistle { get; }

    public IReadOnlyDictionary<string, DeadlineRule> ByCategory { get; }

    public double ReminderShare { get; }

    /// <summary>How long the unit has to act on a supervision order before it is breached in turn.</summary>
    public TimeSpan SupervisionLimit { get; }

    /// <summary>How long a summoned department has to acknowledge.</summary>
    public TimeSpan SummonsLimit { get; }

    /// <summary>Whether a breached supervision order escalates the case to the supervising tier.</summary>
    public bool EscalateOnSupervisionBreach { get; }

    /// <summary>The rule for a case: its leaf category's, else its top-level category's, else its whistle class's.</summary>
    public DeadlineRule RuleFor(WhistleClass whistle, string categoryCode) => CategoryRuleFor(categoryCode) ?? ByWhistle[whistle];

    /// <summary>The category's own rule, else its top-level category's; null when the whistle class decides.</summary>
    public DeadlineRule? CategoryRuleFor(string categoryCode)
    {
        if (ByCategory.TryGetValue(categoryCode, out var leaf))
        {
            return leaf;
        }

        return categoryCode.Length > Categories.Category.TopLevelCodeLength
            && ByCategory.TryGetValue(categoryCode[..Categories.Category.TopLevelCodeLength], out var top)
            ? top
            : null;
    }

    /// <summary>The deadline of a case whose clock starts at <paramref name="start"/> (its report, or its arrival from a child).</summary>
    public Deadline For(WhistleClass whistle, string categoryCode, DateTimeOffset start)
    {
        var rule = RuleFor(whistle, categoryCode);
        return new Deadline(rule.After(start), rule.After(start, ReminderShare));
    }
}
