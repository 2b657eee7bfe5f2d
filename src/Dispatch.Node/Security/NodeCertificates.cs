using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Dispatch.Node.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;

namespace Dispatch.Node.Security;

/// <summary>
/// The node's TLS material, read once from the PEM files of <see cref="TlsOptions"/>: the certificate both ports serve,
/// the one shown to parents, and the authorities trusted for the other end of a link. Absent when TLS is off.
/// </summary>
internal sealed class NodeCertificates
{
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    private readonly X509Certificate2Collection _roots = [];
    private readonly X509Certificate2Collection _intermediates = [];
    private readonly X509Certificate2? _server;
    private readonly X509Certificate2Collection _serverChain = [];
    private readonly SslStreamCertificateContext? _client;

    public NodeCertificates(IOptions<NodeOptions> options)
    {
        var tls = options.Value.Tls;
        if (!tls.Enabled)
        {
            return;
        }

        (_server, _serverChain) = Load(tls.Certificate!, tls.Key, "Node:Tls:Certificate", "Node:Tls:Key");
        var (client, clientChain) = string.IsNullOrEmpty(tls.ClientCertificate)
            ? (_server, _serverChain)
            : Load(tls.ClientCertificate, tls.ClientKey, "Node:Tls:ClientCertificate", "Node:Tls:ClientKey");
        _client = SslStreamCertificateContext.Create(client, clientChain, offline: true);
        if (!string.IsNullOrEmpty(tls.Ca))
        {
            var bundle = new X509Certificate2Collection();
            bundle.ImportFromPemFile(Existing(tls.Ca, "Node:Tls:Ca"));
            foreach (var authority in bundle)
            {
                (authority.SubjectName.RawData.AsSpan().SequenceEqual(authority.IssuerName.RawData) ? _roots : _intermediates).Add(authority);
            }

            if (_roots.Count == 0)
            {
                throw new InvalidOperationException($"Node:Tls:Ca ({tls.Ca}) holds no self-signed root certificate.");
            }
        }
    }

    public bool Enabled => _server is not null;

    /// <summary>
    /// HTTPS for one port. The gRPC port asks for a client certificate but lets callers without one in (users, tools):
    /// whether a call needs one, and whose, is the authorization policy's business (<see cref="ChildCertificateHandler"/>),
    /// which can answer with a gRPC status instead of a failed handshake.
    /// </summary>
    public HttpsConnectionAdapterOptions Https(bool askForClientCertificate) => new()
    {
        ServerCertificate = _server ?? throw new InvalidOperationException("TLS is not configured (Node:Tls:Certificate)."),
        ServerCertificateChain = _serverChain,
        ClientCertificateMode = askForClientCertificate ? ClientCertificateMode.AllowCertificate : ClientCertificateMode.NoCertificate,
        ClientCertificateValidation = (_, _, _) => true,
    };

    /// <summary>TLS for a link to a parent: this node's client certificate, and the parent's server certificate checked against the trusted authorities.</summary>
    public SslClientAuthenticationOptions Link() => new()
    {
        ClientCertificateContext = _client,
        CertificateChainPolicy = _roots.Count > 0 ? Policy(ServerAuthentication) : null,
    };

    /// <summary>Why <paramref name="certificate"/> does not prove that the caller is <paramref name="child"/>; null when it does.</summary>
    public string? Refusal(X509Certificate2? certificate, ChildNodeOptions child)
    {
        if (certificate is null)
        {
            return $"Node calls over TLS need the child node's client certificate; the caller presenting {child.Id}'s credential showed none.";
        }

        using var chain = new X509Chain { ChainPolicy = Policy(ClientAuthentication) };
        if (!chain.Build(certificate))
        {
            var why = chain.ChainStatus.Select(s => s.StatusInformation.Trim()).FirstOrDefault(s => s.Length > 0) ?? "not trusted";
            return $"The client certificate '{Shown(certificate)}' is not trusted for node links: {why}.";
        }

        var expected = child.ExpectedCertificateName;
        return CertificateNames.Of(certificate).Contains(expected, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"The client certificate '{Shown(certificate)}' does not name child node {child.Id} (expected '{expected}'); a node may only use its own certificate.";
    }

    /// <summary>The subject as a message shows it: the caller chose it, so it is cut short.</summary>
    private static string Shown(X509Certificate2 certificate) =>
        certificate.Subject.Length <= 120 ? certificate.Subject : certificate.Subject[..120] + "...";

    private X509ChainPolicy Policy(string usage)
    {
        var policy = new X509ChainPolicy { RevocationMode = X509RevocationMode.NoCheck };
        policy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid(usage));
        if (_roots.Count > 0)
        {
            policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            policy.CustomTrustStore.AddRange(_roots);
            policy.ExtraStore.AddRange(_intermediates);
        }

        return policy;
    }

    /// <summary>A certificate with its key, and the intermediate certificates that follow it in its file.</summary>
    private static (X509Certificate2 Certificate, X509Certificate2Collection Chain) Load(string certificatePath, string? keyPath, string certificateSetting, string keySetting)
    {
        var certificate = X509Certificate2.CreateFromPemFile(Existing(certificatePath, certificateSetting), Existing(keyPath ?? "", keySetting));

        // Windows' TLS cannot use a key that lives only in memory (as one read from PEM does).
        if (OperatingSystem.IsWindows())
        {
            certificate = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        }

        var all = new X509Certificate2Collection();
        all.ImportFromPemFile(certificatePath);
        var chain = new X509Certificate2Collection();
        foreach (var other in all.Skip(1))
        {
            chain.Add(other);
        }

        return (certificate, chain);
    }

    private static string Existing(string path, string setting) => File.Exists(path)
        ? path
        : throw new InvalidOperationException($"{setting}: no file at '{path}' (run scripts/certs.sh for local certificates).");
}
