using System.Globalization;

namespace Dispatch.Cli.Texts;

/// <summary>
/// Picks the language before the command line is parsed (help texts are built in it): <c>--lang zh|en</c>, else the
/// locale variables in their POSIX order (LC_ALL, LC_MESSAGES, LANG), else the current UI culture; zh* is Chinese.
/// </summary>
internal static class LanguageChoice
{
    public static Language From(IReadOnlyList<string> args, Func<string, string?> environment, CultureInfo uiCulture)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--lang" && i + 1 < args.Count)
            {
                return Of(args[i + 1]) ?? Language.English;
            }

            if (args[i].StartsWith("--lang=", StringComparison.Ordinal))
            {
                return Of(args[i]["--lang=".Length..]) ?? Language.English;
            }
        }

        foreach (var variable in new[] { "LC_ALL", "LC_MESSAGES", "LANG" })
        {
            if (environment(variable) is { Length: > 0 } value && value != "C" && value != "POSIX")
            {
                return Of(value) ?? Language.English;
            }
        }

        return Of(uiCulture.Name) ?? Language.English;
    }

    /// <summary>zh, zh_CN.UTF-8, zh-Hans... are Chinese; en* English; anything else unknown.</summary>
    public static Language? Of(string value) =>
        value.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Language.Chinese
        : value.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Language.English
        : null;
}
