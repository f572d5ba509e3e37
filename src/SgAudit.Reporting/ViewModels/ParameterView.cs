namespace SgAudit.Reporting.ViewModels;

/// <summary>One effective rule parameter: <see cref="Text"/> for display ("22, 3389"), <see cref="Value"/> typed for JSON.</summary>
public sealed record ParameterView(string Name, string Text, object Value);
