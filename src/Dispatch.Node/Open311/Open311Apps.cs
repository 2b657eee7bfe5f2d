using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Dispatch.Node.Open311;

/// <summary>The registered apps by api_key; keys are compared by their hashes in constant time.</summary>
internal sealed class Open311Apps(IOptions<Open311Options> options)
{
    private readonly (string Name, byte[] KeyHash)[] _apps = [.. options.Value.Apps
        .Where(a => a.Name.Length > 0 && a.Key.Length > 0)
        .Select(a => (a.Name, SHA256.HashData(Encoding.UTF8.GetBytes(a.Key))))];

    /// <summary>The name of the app the key belongs to; null for a key no app has.</summary>
    public string? Find(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        string? found = null;
        foreach (var (name, keyHash) in _apps)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, keyHash))
            {
                found ??= name;
            }
        }

        return found;
    }
}
