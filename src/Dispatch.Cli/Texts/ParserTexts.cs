namespace Dispatch.Cli.Texts;

/// <summary>
/// System.CommandLine's own messages and help headings: the English is exactly what the library writes (its neutral
/// resources), matched and replaced by the Chinese in a Chinese run.
/// </summary>
internal static class ParserTexts
{
    public static readonly Text OptionRequired = new("Option '{0}' is required.", "缺少必填选项 {0}。");
    public static readonly Text CannotParseForOption = new("Cannot parse argument '{0}' for option '{1}' as expected type '{2}'.", "选项 {1} 的值“{0}”无效（应为 {2}）。");
    public static readonly Text CannotParseForCommand = new("Cannot parse argument '{0}' for command '{1}' as expected type '{2}'.", "命令 {1} 的参数“{0}”无效（应为 {2}）。");
    public static readonly Text CannotParse = new("Cannot parse argument '{0}' as expected type '{1}'.", "参数“{0}”无效（应为 {1}）。");
    public static readonly Text Unrecognized = new("Unrecognized command or argument '{0}'.", "未识别的命令或参数“{0}”。");
    public static readonly Text NotOneOf = new("Argument '{0}' not recognized. Must be one of:{1}", "参数“{0}”无效，必须是以下之一：{1}");
    public static readonly Text CommandArgumentMissing = new("Required argument missing for command: '{0}'.", "命令 {0} 缺少必需的参数。");
    public static readonly Text OptionArgumentMissing = new("Required argument missing for option: '{0}'.", "选项 {0} 缺少值。");
    public static readonly Text CommandMissing = new("Required command was not provided.", "缺少命令。");
    public static readonly Text OneArgument = new("Option '{0}' expects a single argument but {1} were provided.", "选项 {0} 只接受一个值，但给出了 {1} 个。");
    public static readonly Text DescriptionHeading = new("Description:", "说明：");
    public static readonly Text UsageHeading = new("Usage:", "用法：");
    public static readonly Text OptionsHeading = new("Options:", "选项：");
    public static readonly Text CommandsHeading = new("Commands:", "命令：");
    public static readonly Text ArgumentsHeading = new("Arguments:", "参数：");
    public static readonly Text RequiredLabel = new("(REQUIRED)", "（必填）");
    public static readonly Text DefaultLabel = new("[default: ", "[默认：");
}
