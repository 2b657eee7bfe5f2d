namespace Dispatch.Domain.Common.Rules;

internal sealed class TextMustNotExceedMaxLength(string fieldName, string? value, int maxLength) : IValidationRule
{
    public string Field => fieldName;

    public bool IsBroken() => value is not null && value.Length > maxLength;

    public string Message => $"{fieldName} is {value?.Length} characters long; at most {maxLength} are allowed.";
}
