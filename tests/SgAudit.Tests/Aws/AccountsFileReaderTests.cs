using SgAudit.Aws.Accounts;
using SgAudit.Core;

namespace SgAudit.Tests.Aws;

public sealed class AccountsFileReaderTests
{
    [Fact]
    public void Should_ReadIdsAndNames_When_TheFileHasCommentsAndBlankLines()
    {
        var entries = AccountsFileReader.Parse("accounts.txt", ["# production accounts", "", "111111111111 Payments prod", "  222222222222\t# no name", "333333333333   Data  lake  # trailing comment"]);

        Assert.Equal(
            [new AccountEntry("111111111111", "Payments prod", 3), new AccountEntry("222222222222", null, 4), new AccountEntry("333333333333", "Data  lake", 5)],
            entries.AsEnumerable());
    }

    [Theory]
    [InlineData(new[] { "111111111111", "12345678901 short" }, "accounts.txt: line 2: '12345678901' is not an AWS account id (12 digits)")]
    [InlineData(new[] { "arn:aws:iam::111111111111:role/x" }, "accounts.txt: line 1: 'arn:aws:iam::111111111111:role/x' is not an AWS account id (12 digits)")]
    [InlineData(new[] { "111111111111 a", "# c", "111111111111 b" }, "accounts.txt: line 3: account 111111111111 is already listed on line 1")]
    [InlineData(new[] { "# only comments", "" }, "accounts.txt: the accounts file lists no account ids")]
    public void Should_NameFileAndLine_When_TheInputIsBad(string[] lines, string message)
    {
        var error = Assert.Throws<InputException>(() => AccountsFileReader.Parse("accounts.txt", lines));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Should_NameTheFile_When_ItCannotBeRead()
    {
        var error = Assert.Throws<InputException>(() => AccountsFileReader.Read("/nonexistent/sgaudit/accounts.txt"));

        Assert.Equal("/nonexistent/sgaudit/accounts.txt", error.File);
        Assert.StartsWith("cannot read the accounts file", error.Problem, StringComparison.Ordinal);
    }
}
