namespace SgAudit.Tests.Aws.Moto;

/// <summary>Test classes in this collection share one seeded moto_server.</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServerFixture>
{
    public const string Name = "moto_server";
}
