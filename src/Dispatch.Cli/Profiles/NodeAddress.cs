namespace Dispatch.Cli.Profiles;

/// <summary>
/// A node's gRPC address as a user types it: <c>127.0.0.1:5301</c> or <c>localhost:5301</c> without a scheme means
/// http:// (https:// when a CA file is given); anything that is not an http(s) host and port is refused.
/// </summary>
internal static class NodeAddress
{
    public static bool TryNormalize(string text, bool tls, out string address)
    {
        address = "";
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var withScheme = trimmed.Contains("://", StringComparison.Ordinal) ? trimmed : (tls ? "https://" : "http://") + trimmed;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) ||
            uri.Host.Length == 0 ||
            uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
        {
            return false;
        }

        address = $"{uri.Scheme}://{uri.Authority}";
        return true;
    }
}
