namespace SgAudit.Core.Suppressions;

/// <summary>A tag that looks like a suppression but cannot be read as one: it suppresses nothing and is reported with why.</summary>
/// <param name="Source">The tagged resource.</param>
/// <param name="Value">The tag's value as the account holds it (untrusted text).</param>
/// <param name="Problem">What is wrong with it.</param>
public sealed record InvalidSuppression(SuppressionSource Source, string Value, string Problem);
