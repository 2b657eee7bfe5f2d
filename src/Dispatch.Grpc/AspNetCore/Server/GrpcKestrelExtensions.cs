using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Microsoft.AspNetCore.Hosting;

public static class GrpcKestrelExtensions
{
    /// <summary>
    /// Listens for gRPC: plain text is HTTP/2 only (h2c), since a plain endpoint that also allows
    /// HTTP/1.1 silently speaks HTTP/1.1 to every gRPC client; with a certificate, TLS with ALPN
    /// serves HTTP/2 and HTTP/1.1 on the one port.
    /// </summary>
    public static KestrelServerOptions ListenGrpc(this KestrelServerOptions options, IPEndPoint endPoint, X509Certificate2? certificate = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(endPoint);
        options.AddServerHeader = false;
        options.Listen(endPoint, listen =>
        {
            if (certificate is null)
            {
                listen.Protocols = HttpProtocols.Http2;
            }
            else
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(certificate);
            }
        });
        return options;
    }
}
