using System.Buffers;

namespace SgAudit.Reporting.Sarif;

/// <summary>
/// A write-only in-memory stream made of pooled 1 MiB chunks. A MemoryStream doubling up to a 74 MiB SARIF file
/// allocates about 256 MiB of large-object arrays (and full collections with them); this allocates nothing per write.
/// </summary>
internal sealed class ChunkedBufferStream : Stream
{
    private const int ChunkSize = 1 << 20;

    private readonly List<byte[]> _chunks = [];
    private long _length;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <summary>The written bytes, without copying; valid until the stream is disposed.</summary>
    public ReadOnlySequence<byte> ToSequence()
    {
        if (_chunks.Count <= 1)
        {
            return _chunks.Count == 0 ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(_chunks[0], 0, (int)_length);
        }

        var first = new ChunkSegment(_chunks[0].AsMemory(0, ChunkSize), 0);
        var last = first;
        for (var i = 1; i < _chunks.Count; i++)
        {
            last = last.Append(_chunks[i].AsMemory(0, i == _chunks.Count - 1 ? UsedInLast : ChunkSize));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>Copies everything written to <paramref name="destination"/>.</summary>
    public async Task WriteToAsync(Stream destination, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _chunks.Count; i++)
        {
            await destination.WriteAsync(_chunks[i].AsMemory(0, i == _chunks.Count - 1 ? UsedInLast : ChunkSize), cancellationToken);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var used = UsedInLast;
            if (_chunks.Count == 0 || used == ChunkSize)
            {
                _chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkSize));
                used = 0;
            }

            var count = Math.Min(buffer.Length, ChunkSize - used);
            buffer[..count].CopyTo(_chunks[^1].AsSpan(used));
            _length += count;
            buffer = buffer[count..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush()
    {
        // Nothing is buffered beyond the chunks themselves.
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var chunk in _chunks)
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            _chunks.Clear();
            _length = 0;
        }

        base.Dispose(disposing);
    }

    /// <summary>How many bytes of the last chunk are in use.</summary>
    private int UsedInLast => _chunks.Count == 0 ? 0 : (int)(_length - ((long)(_chunks.Count - 1) * ChunkSize));
}
