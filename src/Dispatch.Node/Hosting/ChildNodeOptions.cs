namespace Dispatch.Node.Hosting;

/// <summary>A registered child node: its id and the base64 key its credential must be signed with.</summary>
public sealed class ChildNodeOptions
{
    public string Id { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>
    /// With TLS on: the name the child's client certificate must carry, as a DNS or URI subject alternative name or as
    /// its subject's common name; the child's id when unset.
    /// </summary>
    public string? CertificateName { get; set; }

    public string ExpectedCertificateName => string.IsNullOrEmpty(CertificateName) ? Id : CertificateName;
}
