namespace SgAudit.Benchmarks;

/// <summary>One `sgaudit scan` process: how fast the host was just before and just after it, and what the scan cost.</summary>
/// <param name="ProbeBefore">The <see cref="HostSpeedProbe"/> just before the run.</param>
/// <param name="ProbeAfter">The <see cref="HostSpeedProbe"/> just after the run.</param>
/// <param name="Wall">From starting the process to its exit.</param>
/// <param name="Cpu">User and system CPU time of the process, as last read before it exited.</param>
/// <param name="PeakWorkingSet">The process's peak resident memory (VmHWM), as last read before it exited.</param>
internal sealed record CliRun(TimeSpan ProbeBefore, TimeSpan ProbeAfter, TimeSpan Wall, TimeSpan Cpu, long PeakWorkingSet)
{
    /// <summary>The slower of the two probes: the host was at least this slow at one end of the run.</summary>
    public TimeSpan SlowerProbe => ProbeBefore > ProbeAfter ? ProbeBefore : ProbeAfter;

    /// <summary>The faster of the two probes: the host was this fast at one end of the run.</summary>
    public TimeSpan FasterProbe => ProbeBefore < ProbeAfter ? ProbeBefore : ProbeAfter;
}
