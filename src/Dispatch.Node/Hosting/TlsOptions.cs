namespace Dispatch.Node.Hosting;

/// <summary>
/// The <c>Node:Tls:*</c> settings: PEM files that turn both of the node's ports into HTTPS and its links to other
/// nodes into mutual TLS. Without <see cref="Certificate"/> the node listens in plain text, as on loopback.
/// </summary>
public sealed class TlsOptions
{
    /// <summary>This node's certificate (PEM); intermediate certificates may follow it in the same file.</summary>
    public string? Certificate { get; set; }

    /// <summary>The certificate's private key (PEM, unencrypted PKCS#8, PKCS#1 or SEC1).</summary>
    public string? Key { get; set; }

    /// <summary>The certificate this node shows its parents (needs the clientAuth usage); the server certificate when unset.</summary>
    public string? ClientCertificate { get; set; }

    public string? ClientKey { get; set; }

    /// <summary>
    /// The certificate authorities (PEM bundle) trusted for child nodes' client certificates and parents' server
    /// certificates; the system's trust store when unset.
    /// </summary>
    public string? Ca { get; set; }

    public bool Enabled => !string.IsNullOrEmpty(Certificate);
}
