using Dispatch.Node.Security;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Dispatch.Node.Hosting;

/// <summary>
/// The node's two Kestrel endpoints: gRPC (HTTP/2) and web pages (HTTP/1.1). In plain text without certificates;
/// with them (<see cref="TlsOptions"/>) both are HTTPS, and the gRPC port asks callers for a client certificate.
/// </summary>
public static class NodeEndpoints
{
    public static void Grpc(ListenOptions listen)
    {
        listen.Protocols = HttpProtocols.Http2;
        UseTls(listen, askForClientCertificate: true);
    }

    public static void Web(ListenOptions listen)
    {
        listen.Protocols = HttpProtocols.Http1;
        UseTls(listen, askForClientCertificate: false);
    }

    private static void UseTls(ListenOptions listen, bool askForClientCertificate)
    {
        var certificates = listen.ApplicationServices.GetRequiredService<NodeCertificates>();
        if (certificates.Enabled)
        {
            listen.UseHttps(certificates.Https(askForClientCertificate));
        }
    }
}
