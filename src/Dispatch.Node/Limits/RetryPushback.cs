using System.Globalization;
using Grpc.Core;

namespace Dispatch.Node.Limits;

/// <summary>
/// Retry information on a RESOURCE_EXHAUSTED answer: the <c>grpc-retry-pushback-ms</c> trailer of gRPC's retry design,
/// the milliseconds after which a retry can succeed.
/// </summary>
internal static class RetryPushback
{
    public const string Trailer = "grpc-retry-pushback-ms";

    public static Metadata Trailers(TimeSpan retryAfter) => new() { { Trailer, Milliseconds(retryAfter) } };

    public static string Milliseconds(TimeSpan retryAfter) =>
        ((long)Math.Ceiling(Math.Max(0, retryAfter.TotalMilliseconds))).ToString(CultureInfo.InvariantCulture);

    /// <summary>Whole seconds, at least one, for HTTP's Retry-After and for messages.</summary>
    public static long Seconds(TimeSpan retryAfter) => Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
}
