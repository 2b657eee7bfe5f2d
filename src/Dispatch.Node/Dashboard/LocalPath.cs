namespace Dispatch.Node.Dashboard;

/// <summary>Where a page may send the browser back to after sign-in or a language switch.</summary>
internal static class LocalPath
{
    /// <summary>Only a path on this node: an absolute or protocol-relative address would send the user elsewhere.</summary>
    public static string OrDefault(string? returnUrl, string fallback) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl[0] == '/' && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
            ? returnUrl
            : fallback;
}
