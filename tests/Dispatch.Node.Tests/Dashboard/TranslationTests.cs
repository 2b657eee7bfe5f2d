using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Dispatch.Node.Tests.Dashboard;

/// <summary>Every literal text key a dashboard component uses has its Simplified Chinese in the resource beside it.</summary>
public sealed partial class TranslationTests
{
    [Fact]
    public void EveryLiteralKey_HasAChineseText()
    {
        var dashboard = Path.Combine(RepositoryRoot(), "src", "Dispatch.Node", "Dashboard");
        var shared = Texts(Path.Combine(dashboard, "Shared", "DashboardPage.zh.resx"));
        var missing = new List<string>();
        var components = Directory.GetFiles(dashboard, "*.razor", SearchOption.AllDirectories);
        foreach (var component in components)
        {
            var source = File.ReadAllText(component) + (File.Exists(component + ".cs") ? File.ReadAllText(component + ".cs") : "");
            var own = Texts(Path.ChangeExtension(component, ".zh.resx"));
            missing.AddRange(Keys(PageKey(), source).Where(k => !own.Contains(k)).Select(k => $"{Path.GetFileName(component)}: L[\"{k}\"]"));
            missing.AddRange(Keys(SharedKey(), source).Where(k => !shared.Contains(k)).Select(k => $"{Path.GetFileName(component)}: Shared[\"{k}\"]"));
        }

        Assert.NotEmpty(components);
        Assert.Empty(missing);
    }

    private static IEnumerable<string> Keys(Regex pattern, string source) =>
        pattern.Matches(source).Select(m => Regex.Unescape(m.Groups[1].Value)).Distinct();

    private static HashSet<string> Texts(string resx) =>
        File.Exists(resx)
            ? XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet()
            : [];

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Dispatch.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository's root (Dispatch.sln) is not above the test's folder.");
    }

    [GeneratedRegex("""(?<![\w.])L\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex PageKey();

    [GeneratedRegex("""(?<![\w.])Shared\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex SharedKey();
}
