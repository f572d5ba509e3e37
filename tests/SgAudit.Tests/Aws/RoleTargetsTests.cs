using SgAudit.Aws;
using SgAudit.Aws.Accounts;
using SgAudit.Core;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Aws;

public sealed class RoleTargetsTests
{
    [Fact]
    public void Should_CombineRoleArnsAndAccountsFile_When_BothAreGiven()
    {
        using var scratch = new ScratchDirectory();
        var file = scratch.Write("accounts.txt", "222222222222 Staging\n333333333333\n");
        var options = new AwsSourceOptions { RoleArns = ["arn:aws:iam::111111111111:role/audit/SgAudit"], AccountsFile = file, RoleName = "SgAuditReadOnly" };

        var targets = RoleTargets.From(options, "aws");

        Assert.Equal(
            [
                new RoleTarget("arn:aws:iam::111111111111:role/audit/SgAudit", "111111111111", null),
                new RoleTarget("arn:aws:iam::222222222222:role/SgAuditReadOnly", "222222222222", "Staging"),
                new RoleTarget("arn:aws:iam::333333333333:role/SgAuditReadOnly", "333333333333", null),
            ],
            targets.AsEnumerable());
    }

    [Fact]
    public void Should_SplitCommaSeparatedArnsAndRejectAnAccountNamedTwice_When_ReadingRoleArns()
    {
        var split = RoleTargets.From(new AwsSourceOptions { RoleArns = ["arn:aws:iam::111111111111:role/a, arn:aws:iam::222222222222:role/b"] }, "aws");
        var error = Assert.Throws<InputException>(() => RoleTargets.From(new AwsSourceOptions { RoleArns = ["arn:aws:iam::111111111111:role/a", "arn:aws:iam::111111111111:role/b"] }, "aws"));

        Assert.Equal(["111111111111", "222222222222"], split.Select(t => t.AccountId));
        Assert.Equal("--role-arn: account 111111111111 is named more than once (arn:aws:iam::111111111111:role/a, arn:aws:iam::111111111111:role/b)", error.Message);
    }

    [Theory]
    [InlineData("arn:aws:iam::1111:role/x")]
    [InlineData("arn:aws:iam::111111111111:user/x")]
    [InlineData("arn:aws:sts::111111111111:assumed-role/x/y")]
    [InlineData("111111111111")]
    public void Should_Reject_When_ARoleArnIsMalformed(string arn)
    {
        var error = Assert.Throws<InputException>(() => RoleTargets.From(new AwsSourceOptions { RoleArns = [arn] }, "aws"));

        Assert.Equal($"--role-arn: '{arn}' is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME)", error.Message);
    }

    [Fact]
    public void Should_RejectHalfCombinations_When_RoleNameOrAccountsFileIsAlone()
    {
        Assert.Equal("--role-name: needs --accounts FILE: it names the role to assume in each account listed there",
            Assert.Throws<InputException>(() => RoleTargets.From(new AwsSourceOptions { RoleName = "x" }, "aws")).Message);
        Assert.Equal("accounts.txt: --accounts needs --role-name: the role to assume in each account",
            Assert.Throws<InputException>(() => RoleTargets.From(new AwsSourceOptions { AccountsFile = "accounts.txt" }, "aws")).Message);
        Assert.Equal("--external-id: applies only when roles are assumed (--role-arn, or --accounts with --role-name)",
            Assert.Throws<InputException>(() => RoleTargets.From(new AwsSourceOptions { ExternalId = "x" }, "aws")).Message);
    }

    [Fact]
    public void Should_UseTheRegionsPartition_When_BuildingArnsFromAccountIds()
    {
        Assert.Equal(("aws", "aws-cn", "aws-us-gov"), (RoleTargets.PartitionOf("eu-west-1"), RoleTargets.PartitionOf("cn-north-1"), RoleTargets.PartitionOf("us-gov-west-1")));
    }

    [Fact]
    public void Should_MaskTheExternalId_When_OptionsArePrinted()
    {
        var options = new AwsSourceOptions { ExternalId = "shared-secret-42", RoleArns = ["arn:aws:iam::111111111111:role/x"] };

        Assert.DoesNotContain("shared-secret-42", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("ExternalId = ***", options.ToString(), StringComparison.Ordinal);
    }
}
