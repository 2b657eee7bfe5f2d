using System.Security.Cryptography;
using Dispatch.Node.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Dispatch.Node.Security;

/// <summary>
/// The node's token signing key: from <c>Node:SigningKey</c>, else a random key generated once into
/// the data directory (owner read/write only) so tokens survive restarts of the local default.
/// </summary>
internal sealed class SigningKey
{
    private const int KeyBytes = 32;

    public SigningKey(NodeOptions options)
    {
        var bytes = options.SigningKey is { Length: > 0 } configured
            ? Convert.FromBase64String(configured)
            : LoadOrCreate(Path.Combine(options.DataDirectory, "signing.key"));
        if (bytes.Length < KeyBytes)
        {
            throw new InvalidOperationException($"Node:SigningKey must hold at least {KeyBytes} bytes (base64).");
        }

        Key = new SymmetricSecurityKey(bytes);
    }

    public SymmetricSecurityKey Key { get; }

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var bytes = RandomNumberGenerator.GetBytes(KeyBytes);
        File.WriteAllText(path, Convert.ToBase64String(bytes));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return bytes;
    }
}
