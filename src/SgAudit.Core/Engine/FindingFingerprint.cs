using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace SgAudit.Core.Engine;

/// <summary>
/// A finding's fingerprint: the first 16 bytes, in lower-case hex, of SHA-256 over the UTF-8 of its rule, account,
/// region, resource and evidence key joined by '\n'. Stable across scans (never an index or a time), so baselines and
/// code scanning can tell a finding seen before from a new one.
/// </summary>
/// <param name="ruleId">The rule.</param>
/// <param name="accountId">The account.</param>
/// <param name="region">The region.</param>
internal sealed class FindingFingerprint(string ruleId, string accountId, string region)
{
    private const int StackBytes = 2048;

    /// <summary>How many findings <see cref="Compute"/> hashes at once where it can; give it this many at a time.</summary>
    public const int BatchSize = Sha256Lanes.Lanes;

    /// <summary>One SHA-256 per thread, reset after each fingerprint, where the lanes are not accelerated.</summary>
    [ThreadStatic]
    private static IncrementalHash? _sha256;

    /// <summary>What every message of this rule, account and region starts with, encoded once.</summary>
    private readonly byte[] _prefix = Encoding.UTF8.GetBytes($"{ruleId}\n{accountId}\n{region}\n");

    /// <summary>The fingerprints of findings of this rule in this account and region.</summary>
    /// <param name="findings">Each finding's resource id and evidence key.</param>
    /// <param name="fingerprints">Where each finding's fingerprint goes.</param>
    public void Compute(ReadOnlySpan<(string ResourceId, string EvidenceKey)> findings, Span<string> fingerprints)
    {
        if (fingerprints.Length != findings.Length)
        {
            throw new ArgumentException("one fingerprint per finding", nameof(fingerprints));
        }

        Span<byte> digests = stackalloc byte[Sha256Lanes.Lanes * Sha256Lanes.DigestBytes];
        Span<Range> messages = stackalloc Range[Sha256Lanes.Lanes];
        Span<byte> onStack = stackalloc byte[StackBytes];
        var lanes = Sha256Lanes.IsAccelerated ? Sha256Lanes.Lanes : 1;
        for (var start = 0; start < findings.Length; start += lanes)
        {
            var batch = findings.Slice(start, Math.Min(lanes, findings.Length - start));
            var length = 0;
            foreach (var (resourceId, evidenceKey) in batch)
            {
                length += _prefix.Length + Encoding.UTF8.GetByteCount(resourceId) + 1 + Encoding.UTF8.GetByteCount(evidenceKey);
            }

            var rented = length > StackBytes ? ArrayPool<byte>.Shared.Rent(length) : null;
            var buffer = rented is null ? onStack : rented;
            var written = 0;
            for (var i = 0; i < batch.Length; i++)
            {
                var begin = written;
                _prefix.CopyTo(buffer[written..]);
                written += _prefix.Length;
                written += Encoding.UTF8.GetBytes(batch[i].ResourceId, buffer[written..]);
                buffer[written++] = (byte)'\n';
                written += Encoding.UTF8.GetBytes(batch[i].EvidenceKey, buffer[written..]);
                messages[i] = begin..written;
            }

            if (Sha256Lanes.IsAccelerated)
            {
                Sha256Lanes.Hash(buffer, messages[..batch.Length], digests);
            }
            else
            {
                var sha256 = _sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                sha256.AppendData(buffer[messages[0]]);
                sha256.GetHashAndReset(digests[..Sha256Lanes.DigestBytes]);
            }

            for (var i = 0; i < batch.Length; i++)
            {
                fingerprints[start + i] = Convert.ToHexStringLower(digests.Slice(i * Sha256Lanes.DigestBytes, 16));
            }

            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
