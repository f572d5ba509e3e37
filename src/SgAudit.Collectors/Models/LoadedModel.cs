namespace SgAudit.Collectors.Models;

/// <summary>A structurally valid model, a description for reports, and its origin for locating bad shapes.</summary>
public sealed record LoadedModel(ModelDocument Document, string Kind, string Description, IModelOrigin Origin);
