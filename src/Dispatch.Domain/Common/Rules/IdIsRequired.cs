namespace Dispatch.Domain.Common.Rules;

internal sealed class IdIsRequired(string fieldName, Guid value) : IValidationRule
{
    public string Field => fieldName;

    public bool IsBroken() => value == Guid.Empty;

    public string Message => $"{fieldName} is required (an empty id was given).";
}
