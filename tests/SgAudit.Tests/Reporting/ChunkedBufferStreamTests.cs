using System.Buffers;
using SgAudit.Reporting.Sarif;

namespace SgAudit.Tests.Reporting;

public sealed class ChunkedBufferStreamTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1 << 20)]
    [InlineData((1 << 20) + 1)]
    [InlineData((5 << 19) + 7)]
    public async Task Should_GiveBackExactlyWhatWasWritten_When_WritesCrossChunkBoundaries(int size)
    {
        // Given bytes written in uneven pieces
        var data = new byte[size];
        new Random(size).NextBytes(data);
        await using var stream = new ChunkedBufferStream();
        var random = new Random(1);
        for (var offset = 0; offset < size;)
        {
            var count = Math.Min(size - offset, random.Next(1, 300_000));
            if (count % 2 == 0)
            {
                stream.Write(data, offset, count);
            }
            else
            {
                await stream.WriteAsync(data.AsMemory(offset, count));
            }

            offset += count;
        }

        // Then the sequence and the copy hold the same bytes, in order
        Assert.Equal(size, stream.Length);
        Assert.Equal(data, stream.ToSequence().ToArray());
        using var copy = new MemoryStream();
        await stream.WriteToAsync(copy, CancellationToken.None);
        Assert.Equal(data, copy.ToArray());
    }
}
