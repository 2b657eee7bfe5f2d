namespace Dispatch.Cli.Texts;

/// <summary>The two languages the tool speaks.</summary>
internal enum Language
{
    English,
    Chinese,
}
