namespace Grpc.Internal;

/// <summary>Names and values fixed by the gRPC over HTTP/2 protocol.</summary>
internal static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string StatusTrailer = "grpc-status";
    public const string MessageTrailer = "grpc-message";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string TeHeader = "te";
    public const string TeTrailers = "trailers";
    public const string UserAgentHeader = "user-agent";
    public const string IdentityEncoding = "identity";

    /// <summary>
    /// Not sent on the wire: set in call headers (client) or written response headers (server) to choose
    /// the compression of outgoing messages, as grpc-dotnet does.
    /// </summary>
    public const string CompressionRequestHeader = "grpc-internal-encoding-request";

    public const int HeaderSize = 5;
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (contentType.Length == ContentType.Length)
        {
            return true;
        }

        // application/grpc+proto, application/grpc+json, application/grpc; charset=... are gRPC too.
        var next = contentType[ContentType.Length];
        return next is '+' or ';';
    }

    /// <summary>Headers that belong to the protocol and never appear as call metadata.</summary>
    public static bool IsReservedHeader(string name) =>
        name.StartsWith(':') ||
        name.Equals("content-type", StringComparison.OrdinalIgnoreCase) ||
        name.Equals(TeHeader, StringComparison.OrdinalIgnoreCase) ||
        name.Equals("host", StringComparison.OrdinalIgnoreCase) ||
        name.Equals(TimeoutHeader, StringComparison.OrdinalIgnoreCase) ||
        name.Equals(EncodingHeader, StringComparison.OrdinalIgnoreCase) ||
        name.Equals(AcceptEncodingHeader, StringComparison.OrdinalIgnoreCase) ||
        name.Equals(StatusTrailer, StringComparison.OrdinalIgnoreCase) ||
        name.Equals(MessageTrailer, StringComparison.OrdinalIgnoreCase) ||
        name.Equals(CompressionRequestHeader, StringComparison.OrdinalIgnoreCase);
}
