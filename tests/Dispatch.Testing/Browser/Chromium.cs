using System.Collections.ObjectModel;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Chromium;
using OpenQA.Selenium.Support.UI;

namespace Dispatch.Testing.Browser;

/// <summary>
/// One headless Debian chromium driven by Debian's chromedriver, with a fresh profile, for one test. The browser and
/// driver are named by path, so Selenium never runs its Selenium Manager (which would look for, or download, others).
/// Dispose always: it ends chromium and chromedriver and deletes the profile.
/// </summary>
public sealed class Chromium : IDisposable
{
    public const string BrowserPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    /// <summary>What the emulated phone calls itself (the emulation requires one).</summary>
    private const string PhoneUserAgent = "Mozilla/5.0 (Linux; Android 14; Dispatch test phone) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36";

    /// <summary>How long a wait polls the page before the test fails: generous, the machine is shared.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    private readonly ChromeDriverService _service;
    private readonly ChromeDriver _driver;
    private readonly string _profile;

    private Chromium(string testName, ChromeDriverService service, ChromeDriver driver, string profile)
    {
        TestName = testName;
        _service = service;
        _driver = driver;
        _profile = profile;
    }

    /// <summary>Names the failure artifacts (<c>artifacts/browser/&lt;TestName&gt;.png|.html</c>).</summary>
    public string TestName { get; }

    public IWebDriver Driver => _driver;

    /// <summary>
    /// Starts chromium with a window of <paramref name="size"/> (desktop by default) whose preferred languages are
    /// <paramref name="languages"/> (the Accept-Language header it sends, e.g. "zh-CN,zh").
    /// </summary>
    public static Chromium Start(string testName, BrowserSize? size = null, string languages = "en-US,en")
    {
        foreach (var path in new[] { BrowserPath, DriverPath })
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{path} is missing: run scripts/install-deps.sh (Debian's chromium and chromium-driver).");
            }
        }

        size ??= BrowserSize.Desktop;
        var profile = Directory.CreateTempSubdirectory("dispatch-chromium-").FullName;
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-default-browser-check",
            $"--user-data-dir={profile}",
            $"--window-size={Math.Max(size.Width, 500)},{size.Height}",
            $"--lang={languages.Split(',')[0]}");
        options.AddUserProfilePreference("intl.accept_languages", languages);
        if (size.Phone)
        {
            options.EnableMobileEmulation(new ChromiumMobileEmulationDeviceSettings(PhoneUserAgent) { Width = size.Width, Height = size.Height, PixelRatio = 2, EnableTouchEvents = true });
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        try
        {
            var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
            return new Chromium(testName, service, driver, profile);
        }
        catch
        {
            service.Dispose();
            DeleteProfile(profile);
            throw;
        }
    }

    /// <summary>
    /// Runs a test's steps; when they fail, saves a screenshot and the page's source under artifacts/browser/ and
    /// rethrows (xunit has no after-failure hook).
    /// </summary>
    public async Task RunAsync(Func<Chromium, Task> steps)
    {
        try
        {
            await steps(this);
        }
        catch
        {
            SaveArtifacts();
            throw;
        }
    }

    public void Open(Uri address) => _driver.Navigate().GoToUrl(address);

    /// <summary>Polls the page until <paramref name="condition"/> gives a value (not null, not false); fails after <see cref="WaitLimit"/>.</summary>
    public T WaitFor<T>(Func<IWebDriver, T?> condition, string what)
    {
        var wait = new WebDriverWait(_driver, WaitLimit) { Message = $"waiting for {what}", PollingInterval = TimeSpan.FromMilliseconds(50) };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait.Until(driver => condition(driver))!;
    }

    /// <summary>Waits for a displayed element.</summary>
    public IWebElement WaitForElement(By by, string what) =>
        WaitFor(driver => driver.FindElements(by).FirstOrDefault(e => e.Displayed), what);

    /// <summary>Waits until the page's text contains <paramref name="text"/>.</summary>
    public void WaitForText(string text) =>
        WaitFor(driver => driver.FindElement(By.TagName("body")).Text.Contains(text, StringComparison.Ordinal), $"the text \"{text}\"");

    /// <summary>Waits until the browser is at <paramref name="path"/> (the address's path, without the query).</summary>
    public void WaitForPath(string path) =>
        WaitFor(driver => new Uri(driver.Url).AbsolutePath == path, $"the address {path} (now {_driver.Url})");

    /// <summary>
    /// Waits until the page's Blazor circuit is up: the prerendered page has been replaced by the interactive one
    /// (the layout marks itself <c>data-interactive</c>), so clicks and live updates reach the server.
    /// </summary>
    public void WaitUntilInteractive() =>
        WaitFor(
            driver => Script<bool>("return !!window.Blazor && document.querySelector('[data-interactive=\"true\"]') !== null"),
            "the dashboard's circuit (interactive rendering)");

    /// <summary>Runs <paramref name="script"/> at the start of every document this tab loads from now on (before the page's own).</summary>
    public void RunOnEveryPage(string script) =>
        _driver.ExecuteCdpCommand("Page.addScriptToEvaluateOnNewDocument", new Dictionary<string, object?> { ["source"] = script });

    public T Script<T>(string script, params object[] arguments) => (T)_driver.ExecuteScript(script, arguments)!;

    public ReadOnlyCollection<IWebElement> FindAll(By by) => _driver.FindElements(by);

    public IWebElement Find(By by) => _driver.FindElement(by);

    private void SaveArtifacts()
    {
        try
        {
            var folder = Path.Combine(RepositoryRoot(), "artifacts", "browser");
            Directory.CreateDirectory(folder);
            var name = string.Concat(TestName.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == ' ' ? '_' : c));
            _driver.GetScreenshot().SaveAsFile(Path.Combine(folder, name + ".png"));
            File.WriteAllText(Path.Combine(folder, name + ".html"), $"<!-- {_driver.Url} -->\n{_driver.PageSource}");
        }
        catch (WebDriverException)
        {
            // The browser itself failed: the test's own exception says more than a missing screenshot.
        }
    }

    /// <summary>The folder with Dispatch.sln above the test's output folder.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Dispatch.sln")))
            {
                return folder.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    public void Dispose()
    {
        try
        {
            _driver.Quit();
        }
        finally
        {
            _driver.Dispose();
            _service.Dispose();
            DeleteProfile(_profile);
        }
    }

    private static void DeleteProfile(string profile)
    {
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
