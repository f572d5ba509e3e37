using System.Collections.Immutable;
using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.Emulator;
using SgAudit.Collectors.Models;

namespace SgAudit.Emulator;

/// <summary>The model's accounts, and which one a request acts in.</summary>
internal sealed class EmulatedAccounts
{
    private readonly ImmutableArray<EmulatedAccount> _accounts;
    private readonly ImmutableDictionary<string, EmulatedAccount> _byId;

    public EmulatedAccounts(ModelDocument model, Func<ModelAccount, ICloudTrailApi?>? cloudTrailApiFactory)
    {
        _accounts = [.. model.Accounts.Select(a => new EmulatedAccount(a, new EmulatedEc2Api(a), cloudTrailApiFactory?.Invoke(a)))];
        _byId = _accounts.DistinctBy(a => a.Id, StringComparer.Ordinal).ToImmutableDictionary(a => a.Id, StringComparer.Ordinal);
    }

    public EmulatedAccount? Find(string accountId) => _byId.GetValueOrDefault(accountId);

    /// <summary>
    /// A key the emulator's STS issued acts in the account it encodes; any other key (or none) in the model's first
    /// account, like moto's default account. Null only when the model has no accounts.
    /// </summary>
    public EmulatedAccount? ForAccessKey(string? accessKeyId) =>
        AssumedRoleAccessKey.ReadAccountId(accessKeyId) is { } accountId && Find(accountId) is { } assumed
            ? assumed
            : _accounts.FirstOrDefault();
}
