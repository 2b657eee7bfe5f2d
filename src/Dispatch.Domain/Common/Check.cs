using Dispatch.Domain.Common.Rules;

namespace Dispatch.Domain.Common;

/// <summary>Turns a broken rule into the matching domain exception, named after the rule's class.</summary>
internal static class Check
{
    public static void Rule(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new DomainRuleException(rule.GetType().Name, rule.Message);
        }
    }

    public static void Input(IValidationRule rule)
    {
        if (rule.IsBroken())
        {
            throw new DomainValidationException(rule.GetType().Name, rule.Field, rule.Message);
        }
    }

    /// <summary>Required text no longer than <paramref name="maxLength"/>.</summary>
    public static void RequiredText(string field, string? value, int maxLength)
    {
        Input(new TextIsRequired(field, value));
        Input(new TextMustNotExceedMaxLength(field, value, maxLength));
    }

    /// <summary>Optional text: null or empty is fine, but not longer than <paramref name="maxLength"/>.</summary>
    public static void OptionalText(string field, string? value, int maxLength) =>
        Input(new TextMustNotExceedMaxLength(field, value, maxLength));
}
