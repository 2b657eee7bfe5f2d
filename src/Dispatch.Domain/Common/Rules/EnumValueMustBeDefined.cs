namespace Dispatch.Domain.Common.Rules;

/// <summary>Casting an arbitrary integer to an enum compiles; this stops such values at the boundary.</summary>
internal sealed class EnumValueMustBeDefined(string fieldName, Enum value) : IValidationRule
{
    public string Field => fieldName;

    public bool IsBroken() => !Enum.IsDefined(value.GetType(), value);

    public string Message =>
        $"{fieldName} {ClientValue.Quote(value.ToString())} is not one of {string.Join(", ", Enum.GetNames(value.GetType()))}.";
}
