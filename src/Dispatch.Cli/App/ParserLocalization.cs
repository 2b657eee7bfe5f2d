using System.Text.RegularExpressions;
using Dispatch.Cli.Texts;

namespace Dispatch.Cli.App;

/// <summary>Puts System.CommandLine's English parse errors and help headings into the run's language.</summary>
internal static class ParserLocalization
{
    private static readonly Text[] Messages =
    [
        ParserTexts.OptionRequired, ParserTexts.CannotParseForOption, ParserTexts.CannotParseForCommand, ParserTexts.CannotParse,
        ParserTexts.Unrecognized, ParserTexts.NotOneOf, ParserTexts.CommandArgumentMissing, ParserTexts.OptionArgumentMissing,
        ParserTexts.CommandMissing, ParserTexts.OneArgument,
    ];

    private static readonly Text[] Headings =
    [
        ParserTexts.DescriptionHeading, ParserTexts.UsageHeading, ParserTexts.OptionsHeading, ParserTexts.CommandsHeading, ParserTexts.ArgumentsHeading,
    ];

    public static string Error(string message, Language language)
    {
        // 'Dispatch.Contracts.V1.CaseStatus' and 'System.Int32' read better without their namespaces.
        message = Regex.Replace(message, @"'(?:[A-Za-z_]\w*\.)+(\w+)'", "'$1'");
        if (language == Language.English)
        {
            return message;
        }

        foreach (var text in Messages)
        {
            var match = Pattern(text).Match(message);
            if (match.Success)
            {
                return text.In(language, match.Groups.Values.Skip(1).Select(g => (object?)g.Value).ToArray());
            }
        }

        return message;
    }

    public static string Help(string help, Language language)
    {
        if (language == Language.English)
        {
            return help;
        }

        var lines = help.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var heading in Headings)
            {
                if (lines[i].TrimEnd('\r') == heading.English)
                {
                    lines[i] = heading.In(language);
                }
            }

            lines[i] = lines[i]
                .Replace(ParserTexts.RequiredLabel.English, ParserTexts.RequiredLabel.In(language), StringComparison.Ordinal)
                .Replace(ParserTexts.DefaultLabel.English, ParserTexts.DefaultLabel.In(language), StringComparison.Ordinal);
        }

        return string.Join('\n', lines);
    }

    /// <summary>The English text as a pattern: its placeholders match anything.</summary>
    private static Regex Pattern(Text text) =>
        new("^" + Regex.Replace(Regex.Escape(text.English), @"\\\{\d\}|\{\d\}", "(.*)") + "$", RegexOptions.Singleline);
}
