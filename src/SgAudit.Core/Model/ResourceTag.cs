namespace SgAudit.Core.Model;

/// <summary>A key/value tag as the account holds it (untrusted text).</summary>
public sealed record ResourceTag(string Key, string Value);
