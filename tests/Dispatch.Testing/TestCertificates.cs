using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace Dispatch.Testing;

/// <summary>
/// A certificate authority made in-process for one test class, and node certificates it issues (as scripts/certs.sh
/// makes them: CN and a DNS name are the node id, valid for 127.0.0.1), written as PEM files into a temporary folder.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private readonly X509Certificate2 _authority;

    private TestCertificates(string folder, X509Certificate2 authority)
    {
        Folder = folder;
        _authority = authority;
        CaPath = Path.Combine(folder, "ca.crt");
        File.WriteAllText(CaPath, authority.ExportCertificatePem());
    }

    public string Folder { get; }

    public string CaPath { get; }

    public static TestCertificates Create(string name = "Dispatch test CA")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        var folder = Directory.CreateTempSubdirectory("dispatch-certs-").FullName;
        return new TestCertificates(folder, request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1)));
    }

    /// <summary>Issues a certificate for <paramref name="nodeId"/> and writes ID.crt and ID.key; returns it with its key.</summary>
    public X509Certificate2 Issue(string nodeId)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={nodeId}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(nodeId);
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(_authority, now.AddDays(-1), now.AddMonths(6), RandomNumberGenerator.GetBytes(16));
        File.WriteAllText(CertificatePath(nodeId), issued.ExportCertificatePem());
        File.WriteAllText(KeyPath(nodeId), key.ExportPkcs8PrivateKeyPem());
        return X509Certificate2.CreateFromPemFile(CertificatePath(nodeId), KeyPath(nodeId));
    }

    public string CertificatePath(string nodeId) => Path.Combine(Folder, nodeId + ".crt");

    public string KeyPath(string nodeId) => Path.Combine(Folder, nodeId + ".key");

    /// <summary>The Node:Tls:* settings of a node with its own certificate (issued when missing) and this authority.</summary>
    public Dictionary<string, string?> NodeSettings(string nodeId)
    {
        if (!File.Exists(CertificatePath(nodeId)))
        {
            Issue(nodeId).Dispose();
        }

        return new()
        {
            ["Node:Tls:Certificate"] = CertificatePath(nodeId),
            ["Node:Tls:Key"] = KeyPath(nodeId),
            ["Node:Tls:Ca"] = CaPath,
        };
    }

    /// <summary>Channel options that trust only the authority of <paramref name="caPath"/> and present <paramref name="client"/>, if any.</summary>
    public static GrpcChannelOptions ChannelOptions(string caPath, X509Certificate2? client = null) => new()
    {
        HttpHandler = new SocketsHttpHandler { SslOptions = SslOptions(caPath, client) },
        DisposeHttpClient = true,
    };

    public static SslClientAuthenticationOptions SslOptions(string caPath, X509Certificate2? client = null)
    {
        var policy = new X509ChainPolicy { RevocationMode = X509RevocationMode.NoCheck, TrustMode = X509ChainTrustMode.CustomRootTrust };
        policy.CustomTrustStore.ImportFromPemFile(caPath);
        return new SslClientAuthenticationOptions
        {
            CertificateChainPolicy = policy,
            ClientCertificateContext = client is null ? null : SslStreamCertificateContext.Create(client, null, offline: true),
        };
    }

    public void Dispose()
    {
        _authority.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
