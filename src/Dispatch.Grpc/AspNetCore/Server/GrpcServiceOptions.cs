using System.IO.Compression;
using Grpc.Net.Compression;

namespace Grpc.AspNetCore.Server;

/// <summary>Options of the gRPC server, set with <c>services.AddGrpc(options => ...)</c>.</summary>
public class GrpcServiceOptions
{
    /// <summary>Largest message the server sends; null means no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Largest message the server accepts (default 4 MB); null means no limit.</summary>
    public int? MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Whether an unhandled handler exception's message is sent to the client.</summary>
    public bool? EnableDetailedErrors { get; set; }

    /// <summary>Compression for response messages when the client accepts it, e.g. "gzip".</summary>
    public string? ResponseCompressionAlgorithm { get; set; }

    public CompressionLevel? ResponseCompressionLevel { get; set; }

    public IList<ICompressionProvider> CompressionProviders { get; set; } =
        [new GzipCompressionProvider(CompressionLevel.Fastest)];

    /// <summary>When true, calls to unknown services are passed on to the rest of the pipeline.</summary>
    public bool? IgnoreUnknownServices { get; set; }

    /// <summary>Server interceptors; the first runs first.</summary>
    public InterceptorCollection Interceptors { get; } = [];
}
