using System.Diagnostics.Tracing;
using System.Globalization;

namespace SgAudit.Benchmarks;

/// <summary>
/// SGAUDIT_BENCH_GC_LOG=1: prints every collection as it ends (time since start, generation, why it ran, whether it was
/// background, how long the runtime was paused), so a stage's GC cost can be traced to the allocation that caused it.
/// </summary>
internal sealed class GcEventLog : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private static readonly DateTime Origin = TimeProvider.System.GetUtcNow().UtcDateTime;
    private readonly bool _enabled = Environment.GetEnvironmentVariable("SGAUDIT_BENCH_GC_LOG") == "1";
    private long _count;
    private int _depth;
    private string _reason = "";
    private string _type = "";
    private DateTime _start;
    private DateTime _suspended;

    /// <summary>Prints one line for the start of a stage, for reading the collections against stages.</summary>
    /// <param name="stage">The stage starting.</param>
    public void Mark(string stage)
    {
        if (_enabled)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{(TimeProvider.System.GetUtcNow().UtcDateTime - Origin).TotalSeconds,6:F2} s] --- {stage}"));
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime" && Environment.GetEnvironmentVariable("SGAUDIT_BENCH_GC_LOG") == "1")
        {
            EnableEvents(eventSource, EventLevel.Informational, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        switch (eventData.EventName)
        {
            case "GCSuspendEEBegin_V1":
                _suspended = eventData.TimeStamp;
                break;
            case "GCStart_V2":
                _count = Convert.ToInt64(eventData.Payload![0], CultureInfo.InvariantCulture);
                _depth = Convert.ToInt32(eventData.Payload[1], CultureInfo.InvariantCulture);
                _reason = eventData.Payload[2]?.ToString() ?? "";
                _type = eventData.Payload[3]?.ToString() ?? "";
                _start = eventData.TimeStamp;
                break;
            case "GCRestartEEEnd_V1":
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{(_start - Origin).TotalSeconds,6:F2} s] GC #{_count} gen{_depth} reason={Reason(_reason)} type={_type} paused {(eventData.TimeStamp - _suspended).TotalMilliseconds:F0} ms"));
                break;
            default:
                break;
        }
    }

    private static string Reason(string code) => code switch
    {
        "0" => "alloc-small",
        "1" => "induced",
        "2" => "low-memory",
        "3" => "empty",
        "4" => "alloc-large",
        "5" => "oos-small",
        "6" => "oos-large",
        "7" => "induced-not-forced",
        "8" => "stress",
        "9" => "low-memory-host",
        "10" => "induced-compacting",
        _ => code,
    };
}
