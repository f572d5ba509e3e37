using System.Collections.Immutable;
using SgAudit.Collectors.Models;

namespace SgAudit.Collectors.Emulator;

/// <summary>The in-process stand-in for EC2 and CloudTrail, seeded from a model: one <see cref="EmulatedEc2Api"/> and one <see cref="EmulatedCloudTrailApi"/> per account.</summary>
public sealed class EmbeddedEmulator(ModelDocument model)
{
    public ImmutableArray<AccountTarget> Accounts { get; } =
        [.. model.Accounts.Select(a => new AccountTarget(a.Id!, new EmulatedEc2Api(a)) { DisplayName = a.Name, CloudTrail = new EmulatedCloudTrailApi(a) })];
}
