using Dispatch.Domain.Cases;
using Dispatch.Domain.Common;

namespace Dispatch.Domain.Tests.Support;

/// <summary>Asserts that a call breaks a named rule or rejects a named field, and (for a case) changed nothing.</summary>
internal static class DomainAssert
{
    public static DomainRuleException BreaksRule(Case target, string rule, Action act)
    {
        var before = CaseSnapshot.Of(target);
        var error = BreaksRule(rule, act);
        Assert.Equal(before, CaseSnapshot.Of(target));
        return error;
    }

    public static DomainValidationException RejectsInput(Case target, string field, Action act)
    {
        var before = CaseSnapshot.Of(target);
        var error = RejectsInput(field, act);
        Assert.Equal(before, CaseSnapshot.Of(target));
        return error;
    }

    /// <summary>Sequences 1..n with n = the version, statuses chained from event to event and ending in the case's.</summary>
    public static void HasConsistentHistory(Case target)
    {
        var history = target.History;
        Assert.Equal(Enumerable.Range(1, history.Count), history.Select(e => e.Sequence));
        Assert.Equal(history.Count, target.Version);
        Assert.All(history, e => Assert.Equal(target.Id, e.CaseId));
        Assert.Null(history[0].FromStatus);
        for (var i = 1; i < history.Count; i++)
        {
            Assert.Equal(history[i - 1].ToStatus, history[i].FromStatus);
            Assert.True(history[i - 1].At <= history[i].At);
        }

        Assert.Equal(target.Status, history[^1].ToStatus);
        Assert.Equal(history[^1].At, target.UpdatedAt);
    }

    public static DomainRuleException BreaksRule(string rule, Action act)
    {
        var error = Assert.Throws<DomainRuleException>(act);
        Assert.Equal(rule, error.Rule);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }

    public static DomainValidationException RejectsInput(string field, Action act)
    {
        var error = Assert.Throws<DomainValidationException>(act);
        Assert.Equal(field, error.Field);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        return error;
    }
}
