using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SgAudit.Emulator;

/// <summary>
/// STS's Query protocol (Version 2011-06-15): AssumeRole into any account of the model, answering credentials whose
/// access key encodes that account (<see cref="AssumedRoleAccessKey"/>), and GetCallerIdentity. Policies, external
/// ids and MFA are accepted and not checked: the emulator has no IAM.
/// </summary>
internal sealed partial class StsQueryService(EmulatedAccounts accounts, TimeProvider timeProvider)
{
    public const string Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";
    public const int DefaultDurationSeconds = 3600;
    public const int MinimumDurationSeconds = 900;
    public const int MaximumDurationSeconds = 43200;

    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private readonly ConcurrentDictionary<string, AssumedRoleSession> _sessions = new(StringComparer.Ordinal);
    private long _lastSession;

    public static bool IsStsAction(string? action) => action is "AssumeRole" or "GetCallerIdentity";

    public EmulatorResponse Handle(EmulatorRequest request) => request.Parameter("Action") switch
    {
        null or "" => ErrorResponses.Sts(400, "MissingAction", "The request must contain the parameter Action.", request.RequestId),
        "AssumeRole" => AssumeRole(request),
        "GetCallerIdentity" => GetCallerIdentity(request),
        var action => ErrorResponses.Sts(400, "InvalidAction", $"Could not find operation {action} for version 2011-06-15.", request.RequestId),
    };

    private EmulatorResponse AssumeRole(EmulatorRequest request)
    {
        var roleArn = request.Parameter("RoleArn");
        var sessionName = request.Parameter("RoleSessionName");
        if (string.IsNullOrEmpty(roleArn) || RoleArnPattern().Match(roleArn) is not { Success: true } arn)
        {
            return ErrorResponses.Sts(400, "ValidationError", $"{roleArn} is invalid: RoleArn must be an IAM role ARN (arn:aws:iam::<account>:role/<name>).", request.RequestId);
        }

        if (sessionName is null || sessionName.Length is < 2 or > 64)
        {
            return ErrorResponses.Sts(400, "ValidationError", "1 validation error detected: Value at 'roleSessionName' failed to satisfy constraint: Member must have length between 2 and 64.", request.RequestId);
        }

        var duration = DefaultDurationSeconds;
        if (request.Parameter("DurationSeconds") is { } durationText
            && (!int.TryParse(durationText, NumberStyles.None, CultureInfo.InvariantCulture, out duration) || duration is < MinimumDurationSeconds or > MaximumDurationSeconds))
        {
            return ErrorResponses.Sts(400, "ValidationError", $"1 validation error detected: Value '{durationText}' at 'durationSeconds' failed to satisfy constraint: Member must have value between {MinimumDurationSeconds} and {MaximumDurationSeconds}.", request.RequestId);
        }

        var accountId = arn.Groups["account"].Value;
        if (accounts.Find(accountId) is null)
        {
            return ErrorResponses.Sts(403, "AccessDenied", $"User: {CallerArn(request)} is not authorized to perform: sts:AssumeRole on resource: {roleArn}", request.RequestId);
        }

        var roleName = arn.Groups["path"].Value.Split('/')[^1];
        var assumedRoleId = "AROA" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(roleArn)))[..17];
        var session = new AssumedRoleSession(accountId, $"{assumedRoleId}:{sessionName}", $"arn:{arn.Groups["partition"].Value}:sts::{accountId}:assumed-role/{roleName}/{sessionName}");
        var accessKeyId = AssumedRoleAccessKey.Create(accountId, Interlocked.Increment(ref _lastSession));
        _sessions[accessKeyId] = session;

        using var xml = new QueryXmlWriter();
        xml.StartRoot("AssumeRoleResponse", Namespace);
        xml.Start("AssumeRoleResult");
        xml.Start("Credentials");
        xml.Text("AccessKeyId", accessKeyId);
        xml.Text("SecretAccessKey", RandomNumberGenerator.GetString(SecretAlphabet, 40));
        xml.Text("SessionToken", "SgAuditEmulator" + RandomNumberGenerator.GetString(SecretAlphabet, 100));
        xml.Text("Expiration", timeProvider.GetUtcNow().AddSeconds(duration).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        xml.End();
        xml.Start("AssumedRoleUser");
        xml.Text("AssumedRoleId", session.AssumedRoleId);
        xml.Text("Arn", session.Arn);
        xml.End();
        xml.End();
        WriteMetadata(xml, request);
        return new EmulatorResponse(200, EmulatorResponse.XmlContentType, xml.Finish());
    }

    private EmulatorResponse GetCallerIdentity(EmulatorRequest request)
    {
        var caller = Caller(request);
        if (caller is null)
        {
            return ErrorResponses.Sts(403, "InvalidClientTokenId", "The model has no account to act in.", request.RequestId);
        }

        using var xml = new QueryXmlWriter();
        xml.StartRoot("GetCallerIdentityResponse", Namespace);
        xml.Start("GetCallerIdentityResult");
        xml.Text("UserId", caller.AssumedRoleId);
        xml.Text("Account", caller.AccountId);
        xml.Text("Arn", caller.Arn);
        xml.End();
        WriteMetadata(xml, request);
        return new EmulatorResponse(200, EmulatorResponse.XmlContentType, xml.Finish());
    }

    /// <summary>The session behind the request's key; a key it did not issue acts as the root of the model's first account.</summary>
    private AssumedRoleSession? Caller(EmulatorRequest request)
    {
        var accessKeyId = request.Scope?.AccessKeyId;
        if (accessKeyId is not null && _sessions.TryGetValue(accessKeyId, out var session))
        {
            return session;
        }

        return accounts.ForAccessKey(accessKeyId) is { } account
            ? new AssumedRoleSession(account.Id, account.Id, $"arn:aws:iam::{account.Id}:root")
            : null;
    }

    private string CallerArn(EmulatorRequest request) => Caller(request)?.Arn ?? "anonymous";

    private static void WriteMetadata(QueryXmlWriter xml, EmulatorRequest request)
    {
        xml.Start("ResponseMetadata");
        xml.Text("RequestId", request.RequestId);
        xml.End();
    }

    [GeneratedRegex(@"^arn:(?<partition>aws[a-z-]*):iam::(?<account>[0-9]{12}):role/(?<path>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArnPattern();
}
