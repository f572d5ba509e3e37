namespace SgAudit.Reporting.ViewModels;

/// <summary>What the assessed scopes held.</summary>
public sealed record ResourceCountsView(int Accounts, int Regions, int Vpcs, int SecurityGroups, int NetworkInterfaces, int NetworkAcls);
