using System.IO.Compression;
using Grpc.Internal;
using Grpc.Net.Compression;
using Microsoft.Extensions.Logging;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>The server options resolved once per mapped service, in the shape the hot path reads them.</summary>
internal sealed class ServerMethodOptions
{
    public ServerMethodOptions(GrpcServiceOptions options, ILogger logger)
    {
        MaxReceiveMessageSize = options.MaxReceiveMessageSize;
        MaxSendMessageSize = options.MaxSendMessageSize;
        EnableDetailedErrors = options.EnableDetailedErrors ?? false;
        CompressionProviders = options.CompressionProviders.ToArray();
        ResponseCompressionAlgorithm = options.ResponseCompressionAlgorithm;
        ResponseCompressionLevel = options.ResponseCompressionLevel;
        Interceptors = options.Interceptors.ToArray();
        AcceptEncoding = MessageCompression.AcceptEncodingValue(CompressionProviders);
        Logger = logger;
        if (ResponseCompressionAlgorithm is not null && MessageCompression.Find(CompressionProviders, ResponseCompressionAlgorithm) is null)
        {
            throw new InvalidOperationException(
                $"ResponseCompressionAlgorithm '{ResponseCompressionAlgorithm}' has no matching compression provider.");
        }
    }

    public int? MaxReceiveMessageSize { get; }

    public int? MaxSendMessageSize { get; }

    public bool EnableDetailedErrors { get; }

    public IReadOnlyList<ICompressionProvider> CompressionProviders { get; }

    public string? ResponseCompressionAlgorithm { get; }

    public CompressionLevel? ResponseCompressionLevel { get; }

    public IReadOnlyList<InterceptorRegistration> Interceptors { get; }

    /// <summary>The <c>grpc-accept-encoding</c> value the server advertises.</summary>
    public string AcceptEncoding { get; }

    public ILogger Logger { get; }
}
