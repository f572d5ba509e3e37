using SgAudit.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await new CliApp(Console.Out, Console.Error, TimeProvider.System).RunAsync(args, cancellation.Token);
