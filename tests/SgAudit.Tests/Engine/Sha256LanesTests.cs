using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using System.Text;
using SgAudit.Core.Engine;

namespace SgAudit.Tests.Engine;

/// <summary>The eight-lane SHA-256 must give the platform's SHA-256 for every message length and batch size.</summary>
public sealed class Sha256LanesTests
{
    public static TheoryData<string> Rotations => Avx512F.VL.IsSupported ? new() { "shift", "avx512" } : new() { "shift" };

    [Theory]
    [MemberData(nameof(Rotations))]
    public void Should_GiveThePlatformsDigest_When_MessagesOfEveryLengthAreHashedTogether(string rotation)
    {
        // Given messages of 0 to 300 bytes (up to six blocks; 55 and 56 bytes straddle the padding boundary), and two longer
        var random = new Random(20261123);
        var lengths = Enumerable.Range(0, 301).Concat([55, 56, 119, 120, 63, 64, 0, 600, 1000]).ToArray();
        var data = new byte[lengths.Sum() + 13];
        random.NextBytes(data);

        // When hashed in batches of every size from one to eight, at odd offsets in one buffer
        var offset = 13;
        var ranges = lengths.Select(length => (offset, offset += length)).Select(r => new Range(r.Item1, r.Item2)).ToArray();
        var batch = 1;
        for (var start = 0; start < ranges.Length; start += batch, batch = (batch % 8) + 1)
        {
            var messages = ranges.AsSpan(start, Math.Min(batch, ranges.Length - start));
            var digests = new byte[messages.Length * Sha256Lanes.DigestBytes];
            if (rotation == "avx512")
            {
                Sha256Lanes.Hash<Sha256Lanes.Avx512Rotation>(data, messages, digests);
            }
            else
            {
                Sha256Lanes.Hash<Sha256Lanes.ShiftRotation>(data, messages, digests);
            }

            // Then
            for (var i = 0; i < messages.Length; i++)
            {
                Assert.Equal(Convert.ToHexString(SHA256.HashData(data.AsSpan(messages[i]))), Convert.ToHexString(digests.AsSpan(i * 32, 32)));
            }
        }
    }

    [Fact]
    public void Should_GiveTheKnownDigest_When_TheMessageIsAbc()
    {
        var data = "abc"u8.ToArray();
        var digest = new byte[32];

        Sha256Lanes.Hash(data, [0..3], digest);

        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Convert.ToHexStringLower(digest)); // FIPS 180-2, appendix B.1
    }

    [Fact]
    public void Should_FingerprintAsTheFirstHalfOfTheDigestOfTheJoinedParts_When_ManyFindingsAreFingerprinted()
    {
        // Given 21 findings (two full batches and a partial one), one with non-ASCII text and one long key
        var findings = Enumerable.Range(0, 21)
            .Select(i => ($"sg-{i:x17}", i == 5 ? "in|tcp|22|café ünïcode|-" : i == 9 ? new string('k', 3000) : $"in|tcp|{i}|0.0.0.0/0|-"))
            .ToArray();
        var fingerprints = new string[findings.Length];

        // When
        new FindingFingerprint("SGA001", "111122223333", "us-east-1").Compute(findings, fingerprints);

        // Then
        var expected = findings.Select(f => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"SGA001\n111122223333\nus-east-1\n{f.Item1}\n{f.Item2}")).AsSpan(0, 16)));
        Assert.Equal(expected, fingerprints);
    }
}
