namespace SgAudit.Cli;

/// <summary>The documented process exit codes; CI pipelines gate on them.</summary>
public static class ExitCodes
{
    /// <summary>Nothing at or above --fail-on, and everything asked for was assessed.</summary>
    public const int Success = 0;

    /// <summary>At least one finding at or above --fail-on.</summary>
    public const int FindingsAtOrAboveThreshold = 1;

    /// <summary>A usage error or bad input (model, config, template); nothing was written.</summary>
    public const int InputError = 2;

    /// <summary>Some account, region or rule could not be assessed (and --allow-partial was not given). Takes precedence over 1.</summary>
    public const int NotAssessed = 3;
}
