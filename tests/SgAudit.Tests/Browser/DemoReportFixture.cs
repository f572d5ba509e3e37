using System.Text.Json;
using SgAudit.Tests.Cli;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Browser;

/// <summary>
/// The demo account scanned once by the real command line into a temp folder (all four reports), and one headless
/// Chromium for the tests of a class; both are removed on dispose.
/// </summary>
public sealed class DemoReportFixture : IAsyncLifetime, IDisposable
{
    private readonly ScratchDirectory _directory = new();
    private HeadlessChromium? _browser;

    internal HeadlessChromium Browser => _browser ?? throw new InvalidOperationException("the fixture is not initialised");

    public string ReportPath => Path.Combine(_directory.Path, "report.html");

    public JsonDocument Json { get; private set; } = JsonDocument.Parse("{}");

    public async Task InitializeAsync()
    {
        var run = await CliRunner.RunAsync("scan", "--out", _directory.Path);
        Assert.True(run.ExitCode == 1, $"the demo scan exits 1 (findings at or above high); it exited {run.ExitCode}: {run.Error}");
        Json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_directory.Path, "report.json")));
        _browser = new HeadlessChromium();
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        try
        {
            _browser?.Dispose();
            _browser = null;
        }
        finally
        {
            Json.Dispose();
            _directory.Dispose();
        }
    }
}
