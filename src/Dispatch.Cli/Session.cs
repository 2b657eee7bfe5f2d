using System.Text.Json;
using Dispatch.Client;

namespace Dispatch.Cli;

/// <summary>
/// The signed-in session, kept between commands in ~/.dispatch/session.json (owner-only), with the CA file an https://
/// address is checked against (none: the system's trust store).
/// </summary>
internal sealed record Session(string Address, string Token, string UserName, string? CaFile = null)
{
    private static string FilePath =>
        Environment.GetEnvironmentVariable("DISPATCH_SESSION") is { Length: > 0 } path
            ? path
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dispatch", "session.json");

    public void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        File.WriteAllText(FilePath, JsonSerializer.Serialize(this));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public static DispatchConnection Connect()
    {
        if (!File.Exists(FilePath))
        {
            throw new InvalidOperationException("Not signed in: run `dispatch login <user>` first.");
        }

        var session = JsonSerializer.Deserialize<Session>(File.ReadAllText(FilePath)) ??
            throw new InvalidOperationException($"{FilePath} is damaged: sign in again.");
        return DispatchConnection.FromToken(session.Address, session.Token, session.CaFile);
    }
}
