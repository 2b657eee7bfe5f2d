using Dispatch.Domain.Common;

namespace Dispatch.Domain.Geography.Rules;

internal sealed class GridIdMustBeFifteenDigits(string fieldName, string? value) : IValidationRule
{
    public string Field => fieldName;

    public bool IsBroken() => !GridId.IsValid(value);

    public string Message =>
        $"{fieldName} {ClientValue.Quote(value)} is not a grid id: expected {GridId.Length} digits " +
        "(6 area + 3 town + 3 village + 3 grid).";
}
