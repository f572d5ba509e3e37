using SgAudit.Collectors;
using Spectre.Console;

namespace SgAudit.Cli.Console;

/// <summary>
/// Runs a collection with progress on stderr: bars on an interactive terminal, plain lines when stderr is redirected
/// or CI is set (CI logs keep every line; bars would turn into escape-code noise).
/// </summary>
internal sealed class CollectionProgressReporter(TextWriter error)
{
    public async Task<T> RunAsync<T>(Func<ICollectionProgress, Task<T>> collect)
    {
        if (!IsInteractive())
        {
            return await collect(new PlainProgressPrinter(error));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error), Interactive = InteractionSupport.Yes });
        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(context => collect(new LiveProgressDisplay(context)));
    }

    private bool IsInteractive() =>
        error == System.Console.Error && !System.Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
}
