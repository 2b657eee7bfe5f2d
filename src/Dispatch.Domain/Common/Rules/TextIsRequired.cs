namespace Dispatch.Domain.Common.Rules;

internal sealed class TextIsRequired(string fieldName, string? value) : IValidationRule
{
    public string Field => fieldName;

    public bool IsBroken() => string.IsNullOrWhiteSpace(value);

    public string Message => $"{fieldName} is required.";
}
