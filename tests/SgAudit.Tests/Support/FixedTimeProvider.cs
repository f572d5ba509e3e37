namespace SgAudit.Tests.Support;

/// <summary>A clock that always reads the same instant, so scans in tests are reproducible.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
