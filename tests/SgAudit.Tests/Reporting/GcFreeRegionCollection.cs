namespace SgAudit.Tests.Reporting;

/// <summary>Tests of process-wide GC modes run alone, after the parallel ones.</summary>
[CollectionDefinition(GcFreeRegionTests.CollectionName, DisableParallelization = true)]
public sealed class GcFreeRegionCollection;
