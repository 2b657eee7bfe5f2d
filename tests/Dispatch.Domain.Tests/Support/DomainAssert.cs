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
