using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

/// <summary>
/// Evidence is stored elsewhere; a case only keeps references to it: an absolute http(s) URL, or a
/// content hash written as <c>sha256:</c> + 64 hex digits or <c>sha512:</c> + 128 hex digits.
/// </summary>
internal sealed class EvidenceRefMustBeUrlOrHash(string fieldName, string value) : IValidationRule
{
    public string Field => fieldName;

    public bool IsBroken() => !IsHttpUrl(value) && !IsHash(value, "sha256:", 64) && !IsHash(value, "sha512:", 128);

    public string Message =>
        $"{fieldName} {ClientValue.Quote(value)} is neither an http(s) URL nor a content hash (sha256:<64 hex> or sha512:<128 hex>).";

    private static bool IsHttpUrl(string value) =>
        !value.Any(char.IsWhiteSpace)
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;

    private static bool IsHash(string value, string prefix, int hexDigits) =>
        value.Length == prefix.Length + hexDigits
        && value.StartsWith(prefix, StringComparison.Ordinal)
        && value[prefix.Length..].All(char.IsAsciiHexDigit);
}
