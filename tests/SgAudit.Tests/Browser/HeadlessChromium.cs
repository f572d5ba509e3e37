using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace SgAudit.Tests.Browser;

/// <summary>
/// Debian's Chromium, headless, driven by its chromium-driver through Selenium: a fresh profile in a temp folder
/// per instance, the flags this machine's closed network needs, and everything (browser, driver, profile) gone on
/// dispose. Missing binaries fail the test with how to install them; CI (.ci/run) installs both.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1800",
    ];

    private readonly string _profile;
    private readonly ChromeDriverService _service;
    private readonly ChromeDriver _driver;
    private readonly bool _javaScript;

    /// <summary>Starts the browser; with <paramref name="javaScript"/> false, pages are shown as a reader with JavaScript turned off sees them.</summary>
    /// <param name="javaScript">Whether pages may run script.</param>
    public HeadlessChromium(bool javaScript = true)
    {
        var browser = FindProgram("chromium");
        var driver = FindProgram("chromedriver");
        if (browser is null || driver is null)
        {
            Assert.Fail("The browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver): apt-get install -y chromium chromium-driver (.ci/run installs them).");
        }

        _profile = Path.Combine(Path.GetTempPath(), "sgaudit-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_profile);
        var options = new ChromeOptions { BinaryLocation = browser };
        options.AddArguments(Flags);
        options.AddArgument("--user-data-dir=" + _profile);
        if (!javaScript)
        {
            // Blocks page scripts only; WebDriver's own evaluation still works, so the test can read the DOM.
            options.AddUserProfilePreference("profile.managed_default_content_settings.javascript", 2);
        }

        _javaScript = javaScript;
        _service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
        _service.SuppressInitialDiagnosticInformation = true;
        _service.HideCommandPromptWindow = true;
        try
        {
            _driver = new ChromeDriver(_service, options, TimeSpan.FromSeconds(90));
        }
        catch
        {
            _service.Dispose();
            DeleteProfile();
            throw;
        }
    }

    public IWebDriver Driver => _driver;

    /// <summary>Opens a local file and waits until the report's script has run (it marks the root element), or the page loaded when scripts are off.</summary>
    public void OpenReport(string path)
    {
        _driver.Navigate().GoToUrl(new Uri(path).AbsoluteUri);
        var ready = _javaScript ? "document.documentElement.getAttribute('data-report-ready') === 'true'" : "document.readyState === 'complete'";
        new WebDriverWait(_driver, TimeSpan.FromSeconds(60)).Until(d => (bool)((IJavaScriptExecutor)d).ExecuteScript("return " + ready + ";")!);
    }

    public T Run<T>(string script, params object[] args) => (T)Convert.ChangeType(((IJavaScriptExecutor)_driver).ExecuteScript(script, args)!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);

    public object? RunRaw(string script, params object[] args) => ((IJavaScriptExecutor)_driver).ExecuteScript(script, args);

    /// <summary>The viewport as PNG.</summary>
    public void SaveScreenshot(string path) => _driver.GetScreenshot().SaveAsFile(path);

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
            DeleteProfile();
        }
    }

    private void DeleteProfile()
    {
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing for a moment; a leftover temp folder must not fail a test.
        }
    }

    private static string? FindProgram(string name) => (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Append("/usr/bin")
        .Select(directory => Path.Combine(directory, name))
        .FirstOrDefault(File.Exists);
}
