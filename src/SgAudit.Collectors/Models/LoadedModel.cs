namespace SgAudit.Collectors.Models;

/// <summary>A validated model and a description of where it came from, for reports.</summary>
public sealed record LoadedModel(ModelDocument Document, string Kind, string Description);
