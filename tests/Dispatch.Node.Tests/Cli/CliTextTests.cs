using System.CommandLine;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Dispatch.Cli.App;
using Dispatch.Cli.Cases;
using Dispatch.Cli.Output;
using Dispatch.Cli.Profiles;
using Dispatch.Cli.Texts;
using Dispatch.Contracts.V1;
using Google.Protobuf.WellKnownTypes;

namespace Dispatch.Node.Tests.Cli;

/// <summary>The text catalogue, the language choice, addresses and table layout, without a node.</summary>
public sealed partial class CliTextTests
{
    public static TheoryData<string> TextFields()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in AllTexts())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TextFields))]
    public void Text_EveryEntry_BothLanguagesWithTheSamePlaceholders(string name)
    {
        var text = AllTexts().Single(t => t.Name == name).Text;

        Assert.False(string.IsNullOrWhiteSpace(text.English), name);
        Assert.False(string.IsNullOrWhiteSpace(text.Chinese), name);
        Assert.Equal(Placeholders(text.English), Placeholders(text.Chinese));
    }

    [Fact]
    public void Text_Catalogue_HasTheCoreEntries() => Assert.True(AllTexts().Count() > 100);

    [Theory]
    [InlineData(new string[0], "zh_CN.UTF-8", "en-US", true)]
    [InlineData(new string[0], "en_US.UTF-8", "zh-Hans", false)]
    [InlineData(new string[0], null, "zh-Hans", true)]
    [InlineData(new string[0], "C", "zh-CN", true)]
    [InlineData(new[] { "list", "--lang", "zh" }, "en_US.UTF-8", "en", true)]
    [InlineData(new[] { "--lang=en", "list" }, "zh_CN.UTF-8", "zh", false)]
    public void LanguageChoice_OptionThenLocaleThenCulture(string[] args, string? lang, string culture, bool chinese) =>
        Assert.Equal(chinese ? Language.Chinese : Language.English, LanguageChoice.From(args, name => name == "LANG" ? lang : null, new CultureInfo(culture)));

    [Theory]
    [InlineData("127.0.0.1:5301", false, "http://127.0.0.1:5301")]
    [InlineData("127.0.0.1:5301", true, "https://127.0.0.1:5301")]
    [InlineData("localhost:5301", false, "http://localhost:5301")]
    [InlineData("http://127.0.0.1:5301/", false, "http://127.0.0.1:5301")]
    [InlineData("https://node.example:8443", false, "https://node.example:8443")]
    public void NodeAddress_HostPortWithOrWithoutScheme_Normalized(string typed, bool tls, string expected)
    {
        Assert.True(NodeAddress.TryNormalize(typed, tls, out var address));
        Assert.Equal(expected, address);
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://[bad")]
    [InlineData("127.0.0.1 5301")]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("http://user@127.0.0.1:5301")]
    public void NodeAddress_Malformed_Refused(string typed) => Assert.False(NodeAddress.TryNormalize(typed, false, out _));

    [Fact]
    public void Show_LongEventNames_TimelineColumnsAligned()
    {
        // The issue: history columns misaligned for long event names (the old layout padded the type to 18 characters).
        var output = new StringWriter();
        var run = Run(output, Language.English);
        var at = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        var c = new Case { Id = "id", Number = "C-20261124-1", Title = "t", Status = CaseStatus.Closed, Version = 9 };
        c.History.Add(new CaseEvent { Sequence = 1, Type = "CaseReported", At = at, ToStatus = CaseStatus.Reported, ActorId = "w", Note = "first" });
        c.History.Add(new CaseEvent { Sequence = 2, Type = "CaseSupervisionBreached", At = at, FromStatus = CaseStatus.Reported, ToStatus = CaseStatus.Reported, ActorId = "system", Note = "second" });
        c.History.Add(new CaseEvent { Sequence = 10, Type = "CaseEscalationReturned", At = at, FromStatus = CaseStatus.Escalated, ToStatus = CaseStatus.Accepted, ActorId = "d", Note = "third" });

        CasePrinter.Details(run, c);

        var lines = output.ToString().Split('\n');
        var header = Array.FindIndex(lines, l => l.TrimStart().StartsWith("#", StringComparison.Ordinal));
        var rows = lines[(header + 1)..(header + 4)];
        foreach (var column in new[] { "TIME", "EVENT", "STATUS", "BY", "NOTE" })
        {
            var start = lines[header].IndexOf(column, StringComparison.Ordinal);
            Assert.All(rows, row => Assert.True(row[start - 1] == ' ' && row[start] != ' ', $"{column} at {start} in '{row}'"));
        }
    }

    [Fact]
    public void Table_ChineseText_AlignedByTerminalCells()
    {
        var output = new StringWriter();
        new Table("编号", "状态", "标题").Add("C-1", "已上报", "x").Add("C-22", "Closed", "y").Write(output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["编号  状态    标题", "C-1   已上报  x", "C-22  Closed  y"], lines);
    }

    [Fact]
    public void Paging_NextCommand_ReplacesTheTokenAndQuotes()
    {
        var next = Paging.NextCommand(["list", "--text", "two words", "--page-token", "old", "--all=false"], "abc=");

        Assert.Equal("dispatch list --text 'two words' --all=false --page-token abc=", next);
    }

    private static CommandRun Run(TextWriter output, Language language)
    {
        var console = new CliConsole(output, output, TextReader.Null, false, _ => null, _ => null, Path.GetTempPath(), CliUser.Beijing, CancellationToken.None);
        return new CommandRun(new CliContext(console, language, []), new Command("test").Parse(Array.Empty<string>()), CancellationToken.None);
    }

    private static IEnumerable<(string Name, Text Text)> AllTexts() =>
        typeof(CliApp).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(Text))
            .Select(f => ($"{f.DeclaringType!.Name}.{f.Name}", (Text)f.GetValue(null)!));

    private static string[] Placeholders(string format) =>
        [.. Placeholder().Matches(format).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
