namespace Dispatch.Domain.Common.Rules;

internal sealed class ValueIsRequired(string fieldName, object? value) : IValidationRule
{
    public string Field => fieldName;

    public bool IsBroken() => value is null;

    public string Message => $"{fieldName} is required.";
}
