using System.Globalization;
using Dispatch.Application.Errors;

namespace Dispatch.Node.Grpc;

/// <summary>
/// Enum fields of requests into domain values, in one place. proto3 delivers any number a client sends, and an unset
/// field as 0 (<c>_UNSPECIFIED</c>); both are refused here as INVALID_ARGUMENT naming the field, so no undefined
/// value reaches a filter (an empty page) or a use case (an unmapped exception). Contract and domain members
/// share names (the protos drop their prefixes).
/// </summary>
internal static class RequestEnums
{
    /// <summary>A field the request must set to a known value.</summary>
    public static TTarget Required<TTarget>(System.Enum value, string field)
        where TTarget : struct, System.Enum =>
        Optional<TTarget>(value, field) ?? throw new InvalidRequestException(field, $"is required: one of {Members(value)}.");

    /// <summary>A field whose unspecified value means "any" (null); an unknown number is refused.</summary>
    public static TTarget? Optional<TTarget>(System.Enum value, string field)
        where TTarget : struct, System.Enum
    {
        if (IsUnspecified(value))
        {
            return null;
        }

        return System.Enum.IsDefined(value.GetType(), value)
            && System.Enum.TryParse<TTarget>(value.ToString(), out var converted)
            && System.Enum.IsDefined(converted)
                ? converted
                : throw Unknown(value, field);
    }

    /// <summary>A repeated field: every element known and specified; empty means "any".</summary>
    public static IReadOnlyList<TTarget> Each<TSource, TTarget>(IEnumerable<TSource> values, string field)
        where TSource : struct, System.Enum
        where TTarget : struct, System.Enum =>
        values.Select((value, i) => Optional<TTarget>(value, $"{field}[{i}]")
            ?? throw new InvalidRequestException($"{field}[{i}]", $"is unspecified: one of {Members(value)}.")).Distinct().ToList();

    /// <summary>A contract enum without a domain twin (e.g. a sort order): unspecified is allowed, an unknown number is not.</summary>
    public static TEnum Known<TEnum>(TEnum value, string field)
        where TEnum : struct, System.Enum =>
        System.Enum.IsDefined(value) ? value : throw Unknown(value, field);

    private static InvalidRequestException Unknown(System.Enum value, string field) =>
        new(field, $"{System.Convert.ToInt64(value, CultureInfo.InvariantCulture)} is not a known value: one of {Members(value)}.");

    private static bool IsUnspecified(System.Enum value) => System.Convert.ToInt64(value, CultureInfo.InvariantCulture) == 0;

    private static string Members(System.Enum value) =>
        string.Join(", ", System.Enum.GetValues(value.GetType()).Cast<System.Enum>().Where(v => !IsUnspecified(v)));
}
