using System.IO.Compression;
using System.IO.Hashing;

namespace Reporting.Typesetting.Tests;

/// <summary>The OFD's zip, written front to back by its own writer, as .NET's zip reader sees it.</summary>
public sealed class OfdZipTests
{
    [Fact]
    public void An_OFD_written_into_a_stream_that_cannot_seek_has_the_same_bytes_and_every_entry_its_stated_CRC_and_size()
    {
        var (document, _, expected) = OfdRendered.Fixture.Value;
        using var written = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(written)) Fixtures.Typesetter.Value.Render(document, forwardOnly);
        Assert.Equal(expected, written.ToArray());

        using var zip = new ZipArchive(new MemoryStream(expected), ZipArchiveMode.Read);
        Assert.NotEmpty(zip.Entries);
        foreach (var entry in zip.Entries)
        {
            using var content = new MemoryStream();
            using (var stream = entry.Open()) stream.CopyTo(content);
            Assert.Equal(entry.Length, content.Length);
            Assert.Equal(entry.Crc32, Crc32.HashToUInt32(content.ToArray()));
            Assert.Equal(new DateTime(1980, 1, 1), entry.LastWriteTime.DateTime);
        }
    }

    [Theory]
    [InlineData(3_000)] // past OFD.xml and a page or two: the layout is still handing pages over
    [InlineData(150_000)] // past every page: the font subsets are being written
    public void An_OFD_output_that_fails_fails_the_render_with_its_own_error(int capacity)
    {
        // Whether the OFD is written in line with the layout or beside it (a writer thread was tried, see BENCH.md), its
        // failure must reach the caller as it is, not as a wrapped or a later error. Ten times the fixture: about fifty pages.
        var fixture = Fixtures.Kgj2023;
        var document = fixture with { Blocks = [.. Enumerable.Repeat(fixture.Blocks, 10).SelectMany(b => b)] };
        var failure = Assert.Throws<IOException>(() => Fixtures.Typesetter.Value.Render(document, new FailingStream(capacity)));
        Assert.Equal(FailingStream.Message, failure.Message);
    }

    /// <summary>Takes <paramref name="capacity"/> bytes, then fails every write as a full disk or a dropped upload would.</summary>
    private sealed class FailingStream(int capacity) : Stream
    {
        public const string Message = "The test's output is full.";
        private long _written;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _written += buffer.Length;
            if (_written > capacity) throw new IOException(Message);
        }
    }

    /// <summary>Writes through to an inner stream but cannot seek or tell its position, as a network or blob upload stream.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);
    }
}
