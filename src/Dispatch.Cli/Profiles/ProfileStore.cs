using System.Text.Json;

namespace Dispatch.Cli.Profiles;

/// <summary>
/// The named profiles, kept in one owner-only file (<c>profiles.json</c> in the configuration folder, or the file
/// $DISPATCH_SESSION names), with the name of the current one.
/// </summary>
internal sealed class ProfileStore(string folder, string? file = null)
{
    public const string DefaultName = "default";

    public string FilePath { get; } = file is { Length: > 0 } ? file : Path.Combine(folder, "profiles.json");

    /// <summary>The current profile's name ("default" until another is used).</summary>
    public string Current => Load().Current;

    public IReadOnlyDictionary<string, Profile> All => Load().Profiles;

    public Profile? Find(string name) => Load().Profiles.GetValueOrDefault(name);

    /// <summary>Saves <paramref name="profile"/> under <paramref name="name"/> and makes it current.</summary>
    public void Save(string name, Profile profile)
    {
        var state = Load();
        state.Profiles[name] = profile;
        Write(state with { Current = name });
    }

    /// <summary>Makes <paramref name="name"/> current; false when there is no such profile.</summary>
    public bool Use(string name)
    {
        var state = Load();
        if (!state.Profiles.ContainsKey(name))
        {
            return false;
        }

        Write(state with { Current = name });
        return true;
    }

    /// <summary>Forgets the profile (its token with it); false when there was none.</summary>
    public bool Remove(string name)
    {
        var state = Load();
        if (!state.Profiles.Remove(name))
        {
            return false;
        }

        Write(state);
        return true;
    }

    private State Load()
    {
        if (!File.Exists(FilePath))
        {
            return new State(DefaultName, []);
        }

        try
        {
            var state = JsonSerializer.Deserialize(File.ReadAllText(FilePath), ProfileJson.Default.State);
            return state is null ? new State(DefaultName, []) : state with { Profiles = state.Profiles ?? [] };
        }
        catch (JsonException)
        {
            // A damaged file is treated as empty: signing in again rewrites it.
            return new State(DefaultName, []);
        }
    }

    private void Write(State state)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(FilePath))!);
        var temporary = FilePath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, ProfileJson.Default.State));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, FilePath, overwrite: true);
    }

    internal sealed record State(string Current, Dictionary<string, Profile> Profiles);
}
