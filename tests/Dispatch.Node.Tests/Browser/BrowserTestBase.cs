using System.Runtime.CompilerServices;
using Dispatch.Node.Tests.Infrastructure;
using Dispatch.Testing.Browser;

namespace Dispatch.Node.Tests.Browser;

/// <summary>
/// A fresh node per test (SQLite, demo directory, fake clock) and a headless chromium per <see cref="BrowseAsync"/>.
/// Browser tests run in the <see cref="BrowserCollection"/>, after the others and one at a time.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public abstract class BrowserTestBase() : ScenarioTestBase(StorageKind.Sqlite)
{
    /// <summary>
    /// Runs <paramref name="steps"/> in a new chromium of <paramref name="size"/> preferring <paramref name="languages"/>;
    /// on failure the page's screenshot and source are saved under artifacts/browser/; the browser always ends.
    /// </summary>
    protected Task BrowseAsync(Func<Chromium, Task> steps, BrowserSize? size = null, string languages = "en-US,en", string? variant = null, [CallerMemberName] string test = "") =>
        BrowseAsync(TestName(test, variant), steps, size, languages);

    /// <summary>As <see cref="BrowseAsync(Func{Chromium, Task}, BrowserSize?, string, string?, string)"/>, for steps that only drive the browser.</summary>
    protected void Browse(Action<Chromium> steps, BrowserSize? size = null, string languages = "en-US,en", string? variant = null, [CallerMemberName] string test = "") =>
        BrowseAsync(TestName(test, variant), browser =>
        {
            steps(browser);
            return Task.CompletedTask;
        }, size, languages).GetAwaiter().GetResult();

    /// <summary>As the other overload, with the test's name given (a test with several browsers names each).</summary>
    public static async Task BrowseAsync(string testName, Func<Chromium, Task> steps, BrowserSize? size = null, string languages = "en-US,en")
    {
        using var browser = Chromium.Start(testName, size, languages);
        await browser.RunAsync(steps);
    }

    protected string TestName(string test, string? variant = null) => $"{GetType().Name}.{test}{(variant is null ? "" : "-" + variant)}";
}
