namespace Dispatch.Node.Backup;

/// <summary>
/// The backup verbs' options: <c>--name value</c> or <c>--name=value</c>; the rest are node settings
/// (<c>--Section:Key=value</c>, which name a section with a colon) or mistakes.
/// </summary>
internal sealed class CommandOptions
{
    private readonly Dictionary<string, string> _named = new(StringComparer.Ordinal);
    private readonly List<string> _rest = [];

    private CommandOptions()
    {
    }

    /// <summary>What is left once the verb's own options are taken: node settings.</summary>
    public IReadOnlyList<string> Rest => _rest;

    public static CommandOptions Parse(string[] args)
    {
        var options = new CommandOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg[2..].Split('=', 2)[0].Contains(':', StringComparison.Ordinal))
            {
                options._rest.Add(arg);
                continue;
            }

            var (name, value) = arg.IndexOf('=', StringComparison.Ordinal) is var at and > 0
                ? (arg[2..at], arg[(at + 1)..])
                : (arg[2..], i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value."));
            if (!options._named.TryAdd(name, value))
            {
                throw new ArgumentException($"--{name} is given twice.");
            }
        }

        return options;
    }

    /// <summary>The option's value (removed, so what remains can be checked); null when absent.</summary>
    public string? Take(string name)
    {
        if (!_named.Remove(name, out var value))
        {
            return null;
        }

        return value.Length > 0 ? value : throw new ArgumentException($"--{name} needs a value.");
    }

    /// <summary>Fails on options nobody took, and on node settings where the verb takes none.</summary>
    public void RefuseUnknown(bool allowSettings)
    {
        if (_named.Keys.FirstOrDefault() is { } unknown)
        {
            throw new ArgumentException($"--{unknown} is not an option here.");
        }

        if (!allowSettings && _rest.FirstOrDefault() is { } extra)
        {
            throw new ArgumentException($"'{extra}' is not an option here.");
        }
    }
}
