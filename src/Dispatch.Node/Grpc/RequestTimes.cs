using Dispatch.Application.Errors;
using Google.Protobuf.WellKnownTypes;

namespace Dispatch.Node.Grpc;

/// <summary>
/// Timestamp fields of requests into instants, in one place: a client can send any seconds and nanos, and one
/// outside the Timestamp's range (0001-01-01 to 9999-12-31 UTC, nanos 0 to 999,999,999) is INVALID_ARGUMENT
/// naming the field instead of an exception from the conversion.
/// </summary>
internal static class RequestTimes
{
    private const long MinSeconds = -62_135_596_800;
    private const long MaxSeconds = 253_402_300_799;
    private const int MaxNanos = 999_999_999;

    public static DateTimeOffset Required(Timestamp? value, string field) =>
        Optional(value, field) ?? throw new InvalidRequestException(field, "is required.");

    /// <summary>The instant, or null when the field is absent.</summary>
    public static DateTimeOffset? Optional(Timestamp? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Nanos is < 0 or > MaxNanos)
        {
            throw new InvalidRequestException(field, $"nanos must be from 0 to {MaxNanos:N0}.");
        }

        if (value.Seconds is < MinSeconds or > MaxSeconds)
        {
            throw new InvalidRequestException(field, "must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.");
        }

        return value.ToDateTimeOffset();
    }
}
