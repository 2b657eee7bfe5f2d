using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dispatch.Client;

/// <summary>
/// A channel to a node's gRPC address. An https:// address is checked against the system's trust store, or against the
/// certificate authorities of <paramref name="caFile"/> (PEM) when given, e.g. the local CA of scripts/certs.sh.
/// Plain-text (h2c) channels may carry the token because nodes without certificates listen on loopback.
/// </summary>
public static class NodeChannel
{
    public static GrpcChannel For(string address, string? caFile = null, CallCredentials? callCredentials = null)
    {
        var secure = address.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        if (secure && !string.IsNullOrEmpty(caFile))
        {
            handler.SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = TrustOnly(caFile) };
        }

        var transport = secure ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure;
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            Credentials = callCredentials is null ? transport : ChannelCredentials.Create(transport, callCredentials),
            UnsafeUseInsecureChannelCallCredentials = !secure,
            HttpHandler = handler,
            DisposeHttpClient = true,
        });
    }

    private static X509ChainPolicy TrustOnly(string caFile)
    {
        if (!File.Exists(caFile))
        {
            throw new InvalidOperationException($"No CA certificate file at '{caFile}'.");
        }

        var policy = new X509ChainPolicy { RevocationMode = X509RevocationMode.NoCheck, TrustMode = X509ChainTrustMode.CustomRootTrust };
        policy.CustomTrustStore.ImportFromPemFile(caFile);
        return policy;
    }
}
