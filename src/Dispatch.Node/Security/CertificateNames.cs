using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace Dispatch.Node.Security;

/// <summary>The names a certificate carries: its DNS and URI subject alternative names and its subject's common name.</summary>
internal static class CertificateNames
{
    private const string SubjectAlternativeName = "2.5.29.17";
    private static readonly Asn1Tag Dns = new(TagClass.ContextSpecific, 2);
    private static readonly Asn1Tag Uri = new(TagClass.ContextSpecific, 6);

    public static IEnumerable<string> Of(X509Certificate2 certificate)
    {
        if (certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false) is { Length: > 0 } commonName)
        {
            yield return commonName;
        }

        if (certificate.Extensions[SubjectAlternativeName] is not { } extension)
        {
            yield break;
        }

        var names = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
        while (names.HasData)
        {
            var tag = names.PeekTag();
            if (tag.HasSameClassAndValue(Dns) || tag.HasSameClassAndValue(Uri))
            {
                yield return names.ReadCharacterString(UniversalTagNumber.IA5String, tag);
            }
            else
            {
                names.ReadEncodedValue();
            }
        }
    }
}
