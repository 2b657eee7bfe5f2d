using System.Globalization;

namespace Dispatch.Cli.Texts;

/// <summary>
/// One text the tool writes itself, in English and Simplified Chinese, with the same <c>{0}</c> placeholders in both.
/// Texts are static fields of the catalogue classes in this folder, one class per area (a test checks every field).
/// </summary>
internal sealed record Text(string English, string Chinese)
{
    public string In(Language language, params object?[] args)
    {
        var format = language == Language.Chinese ? Chinese : English;
        return args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
