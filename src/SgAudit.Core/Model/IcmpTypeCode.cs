namespace SgAudit.Core.Model;

/// <summary>ICMP type and code, carried in FromPort/ToPort for icmp and icmpv6 permissions; -1 means any.</summary>
public readonly record struct IcmpTypeCode(int Type, int Code);
