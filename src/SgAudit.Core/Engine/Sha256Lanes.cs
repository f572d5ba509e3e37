using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SgAudit.Core.Engine;

/// <summary>
/// SHA-256 (FIPS 180-4) of eight messages at once, one in each 32-bit lane of a 256-bit vector. A scan fingerprints
/// hundreds of thousands of findings, each a message of about 80 bytes: hashed one by one through the platform's
/// library, the calls into native code cost more than the hashing, and this machine's CPU has no SHA instructions.
/// The result is the standard digest; tests compare it with <see cref="System.Security.Cryptography.SHA256"/>.
/// </summary>
internal static class Sha256Lanes
{
    public const int Lanes = 8;
    public const int DigestBytes = 32;

    private static readonly uint[] RoundConstants =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private static readonly uint[] InitialState = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

    /// <summary>Whether this machine runs 256-bit vectors in hardware; otherwise hashing one by one is faster.</summary>
    public static bool IsAccelerated => Vector256.IsHardwareAccelerated;

    /// <summary>The SHA-256 of each of up to eight messages, written to <paramref name="digests"/> 32 bytes apart.</summary>
    /// <param name="data">The bytes the messages are in.</param>
    /// <param name="messages">Where each message is in <paramref name="data"/>; one to eight.</param>
    /// <param name="digests">32 bytes per message.</param>
    public static void Hash(ReadOnlySpan<byte> data, ReadOnlySpan<Range> messages, Span<byte> digests)
    {
        if (Avx512F.VL.IsSupported)
        {
            Hash<Avx512Rotation>(data, messages, digests);
        }
        else
        {
            Hash<ShiftRotation>(data, messages, digests);
        }
    }

    /// <summary><see cref="Hash"/> with a chosen way to rotate, so tests can run each on a machine that has both.</summary>
    /// <typeparam name="TRotation">How lanes are rotated.</typeparam>
    /// <param name="data">The bytes the messages are in.</param>
    /// <param name="messages">Where each message is in <paramref name="data"/>; one to eight.</param>
    /// <param name="digests">32 bytes per message.</param>
    internal static void Hash<TRotation>(ReadOnlySpan<byte> data, ReadOnlySpan<Range> messages, Span<byte> digests)
        where TRotation : struct, IRotation
    {
        if (messages.IsEmpty || messages.Length > Lanes)
        {
            throw new ArgumentOutOfRangeException(nameof(messages), messages.Length, "one to eight messages");
        }

        // Each message padded as the standard says (0x80, zeros, the length in bits), in its own run of whole blocks.
        Span<int> blocks = stackalloc int[Lanes];
        var maxBlocks = 1;
        for (var lane = 0; lane < messages.Length; lane++)
        {
            var length = messages[lane].GetOffsetAndLength(data.Length).Length;
            blocks[lane] = (length + 9 + 63) / 64;
            maxBlocks = Math.Max(maxBlocks, blocks[lane]);
        }

        var laneBytes = maxBlocks * 64;
        var padded = laneBytes * Lanes <= 4096 ? stackalloc byte[laneBytes * Lanes] : new byte[laneBytes * Lanes];
        padded.Clear();
        for (var lane = 0; lane < messages.Length; lane++)
        {
            var message = data[messages[lane]];
            var own = padded.Slice(lane * laneBytes, blocks[lane] * 64);
            message.CopyTo(own);
            own[message.Length] = 0x80;
            BinaryPrimitives.WriteUInt64BigEndian(own[^8..], (ulong)message.Length * 8);
        }

        Span<Vector256<uint>> state = stackalloc Vector256<uint>[8];
        for (var i = 0; i < 8; i++)
        {
            state[i] = Vector256.Create(InitialState[i]);
        }

        Span<Vector256<uint>> schedule = stackalloc Vector256<uint>[64];
        Span<uint> words = stackalloc uint[Lanes];
        for (var block = 0; block < maxBlocks; block++)
        {
            for (var t = 0; t < 16; t++)
            {
                for (var lane = 0; lane < Lanes; lane++)
                {
                    words[lane] = BinaryPrimitives.ReadUInt32BigEndian(padded.Slice((lane * laneBytes) + (block * 64) + (t * 4), 4));
                }

                schedule[t] = Vector256.Create<uint>(words);
            }

            // Lanes whose message has no block here keep their state.
            for (var lane = 0; lane < Lanes; lane++)
            {
                words[lane] = block < blocks[lane] ? uint.MaxValue : 0;
            }

            Compress<TRotation>(state, schedule, Vector256.Create<uint>(words));
        }

        for (var lane = 0; lane < messages.Length; lane++)
        {
            for (var i = 0; i < 8; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(digests.Slice((lane * DigestBytes) + (i * 4), 4), state[i].GetElement(lane));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Compress<TRotation>(Span<Vector256<uint>> state, Span<Vector256<uint>> w, Vector256<uint> active)
        where TRotation : struct, IRotation
    {
        for (var t = 16; t < 64; t++)
        {
            var s0 = TRotation.Right(w[t - 15], 7) ^ TRotation.Right(w[t - 15], 18) ^ Vector256.ShiftRightLogical(w[t - 15], 3);
            var s1 = TRotation.Right(w[t - 2], 17) ^ TRotation.Right(w[t - 2], 19) ^ Vector256.ShiftRightLogical(w[t - 2], 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }

        Vector256<uint> a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        for (var t = 0; t < 64; t++)
        {
            var sigma1 = TRotation.Right(e, 6) ^ TRotation.Right(e, 11) ^ TRotation.Right(e, 25);
            var choose = (e & f) ^ Vector256.AndNot(g, e);
            var temp1 = h + sigma1 + choose + Vector256.Create(RoundConstants[t]) + w[t];
            var sigma0 = TRotation.Right(a, 2) ^ TRotation.Right(a, 13) ^ TRotation.Right(a, 22);
            var majority = (a & b) ^ (a & c) ^ (b & c);
            var temp2 = sigma0 + majority;
            h = g;
            g = f;
            f = e;
            e = d + temp1;
            d = c;
            c = b;
            b = a;
            a = temp1 + temp2;
        }

        state[0] = Vector256.ConditionalSelect(active, state[0] + a, state[0]);
        state[1] = Vector256.ConditionalSelect(active, state[1] + b, state[1]);
        state[2] = Vector256.ConditionalSelect(active, state[2] + c, state[2]);
        state[3] = Vector256.ConditionalSelect(active, state[3] + d, state[3]);
        state[4] = Vector256.ConditionalSelect(active, state[4] + e, state[4]);
        state[5] = Vector256.ConditionalSelect(active, state[5] + f, state[5]);
        state[6] = Vector256.ConditionalSelect(active, state[6] + g, state[6]);
        state[7] = Vector256.ConditionalSelect(active, state[7] + h, state[7]);
    }

    /// <summary>Rotating every lane right by a constant count.</summary>
    internal interface IRotation
    {
        static abstract Vector256<uint> Right(Vector256<uint> value, [ConstantExpected(Min = 1, Max = 31)] byte count);
    }

    /// <summary>AVX-512's rotate instruction.</summary>
    internal readonly struct Avx512Rotation : IRotation
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Right(Vector256<uint> value, [ConstantExpected(Min = 1, Max = 31)] byte count) => Avx512F.VL.RotateRight(value, count);
    }

    /// <summary>Two shifts and an or, on any 256-bit vector hardware.</summary>
    internal readonly struct ShiftRotation : IRotation
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Right(Vector256<uint> value, [ConstantExpected(Min = 1, Max = 31)] byte count) =>
            Vector256.ShiftRightLogical(value, count) | Vector256.ShiftLeft(value, 32 - count);
    }
}
