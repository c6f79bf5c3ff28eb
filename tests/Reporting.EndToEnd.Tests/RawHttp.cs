using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Reporting.EndToEnd.Tests;

/// <summary>A request body written as it is sent, with or without a declared length.</summary>
public sealed record RawBody(string ContentType, long? Length, Func<Stream, Task> Write);

/// <summary>
/// HTTP/1.1 over a bare socket, for bodies HttpClient would insist on sending in full before it reads the answer:
/// the body is written in the background and the answer is read as soon as the server sends it, so a test sees how
/// fast the server refuses, not how long uploading the rest would have taken. Requests carry the same default
/// headers as the fixture's client (identity headers included, once there are any).
/// </summary>
public static class RawHttp
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, RawBody body, CancellationToken cancellationToken = default)
    {
        using var tcp = new TcpClient();
        var framing = body.Length is { } length ? $"Content-Length: {length}\r\n" : "Transfer-Encoding: chunked\r\n";
        var stream = await SendHeadAsync(tcp, client, $"POST /{path.TrimStart('/')}", $"Content-Type: {body.ContentType}\r\n{framing}", cancellationToken);

        var upload = Task.Run(async () =>
        {
            try
            {
                if (body.Length is not null) await body.Write(stream);
                else
                {
                    await using var chunked = new ChunkedWriter(stream);
                    await body.Write(chunked);
                }
            }
            catch (IOException) { } // the server answered and closed while the body was still going out
            catch (ObjectDisposedException) { }
        }, cancellationToken);
        var response = await ReadResponseAsync(stream, cancellationToken);
        tcp.Close();
        await upload;
        return response;
    }

    /// <summary>A GET whose request target goes out byte for byte as written (percent-escapes, odd characters and all).</summary>
    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string target, CancellationToken cancellationToken = default)
    {
        using var tcp = new TcpClient();
        var stream = await SendHeadAsync(tcp, client, $"GET /{target.TrimStart('/')}", "", cancellationToken);
        return await ReadResponseAsync(stream, cancellationToken);
    }

    /// <summary>Connects to the client's host and writes the request line and headers (the client's default ones included).</summary>
    private static async Task<NetworkStream> SendHeadAsync(TcpClient tcp, HttpClient client, string methodAndTarget, string headers,
        CancellationToken cancellationToken)
    {
        var address = client.BaseAddress!;
        await tcp.ConnectAsync(address.Host, address.Port, cancellationToken);
        var stream = tcp.GetStream();
        var head = new StringBuilder($"{methodAndTarget} HTTP/1.1\r\nHost: {address.Authority}\r\nConnection: close\r\n{headers}");
        foreach (var header in client.DefaultRequestHeaders) head.Append($"{header.Key}: {string.Join(", ", header.Value)}\r\n");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head.Append("\r\n").ToString()), cancellationToken);
        return stream;
    }

    private static async Task<HttpResponseMessage> ReadResponseAsync(Stream stream, CancellationToken cancellationToken)
    {
        var reader = new ByteReader(stream);
        var status = await reader.ReadLineAsync(cancellationToken) ?? throw new IOException("The server closed the connection without answering.");
        var response = new HttpResponseMessage((HttpStatusCode)int.Parse(status.Split(' ')[1]));
        var headers = new List<(string Name, string Value)>();
        for (var line = await reader.ReadLineAsync(cancellationToken); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync(cancellationToken))
        {
            var colon = line.IndexOf(':');
            headers.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        var content = new List<byte>();
        if (headers.Any(h => h.Name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h.Value.Contains("chunked")))
        {
            for (var size = Convert.ToInt32((await reader.ReadLineAsync(cancellationToken))!.Split(';')[0], 16); size > 0; size =
                Convert.ToInt32((await reader.ReadLineAsync(cancellationToken))!.Split(';')[0], 16))
            {
                content.AddRange(await reader.ReadBytesAsync(size, cancellationToken));
                await reader.ReadLineAsync(cancellationToken);
            }
        }
        else if (headers.FirstOrDefault(h => h.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value is { } length)
            content.AddRange(await reader.ReadBytesAsync(int.Parse(length), cancellationToken));
        response.Content = new ByteArrayContent(content.ToArray());
        foreach (var (name, value) in headers)
            if (!response.Headers.TryAddWithoutValidation(name, value)) response.Content.Headers.TryAddWithoutValidation(name, value);
        return response;
    }

    /// <summary>Reads lines and counted bytes from a response without reading past what was asked.</summary>
    private sealed class ByteReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[8192];
        private int _start, _end;

        public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            var line = new List<byte>();
            while (true)
            {
                if (_start == _end && !await FillAsync(cancellationToken)) return line.Count == 0 ? null : Encoding.UTF8.GetString(line.ToArray());
                var b = _buffer[_start++];
                if (b == '\n') return Encoding.UTF8.GetString(line.ToArray()).TrimEnd('\r');
                line.Add(b);
            }
        }

        public async Task<byte[]> ReadBytesAsync(int count, CancellationToken cancellationToken)
        {
            var bytes = new byte[count];
            for (var i = 0; i < count; i++)
            {
                if (_start == _end && !await FillAsync(cancellationToken)) throw new IOException("The response ended early.");
                bytes[i] = _buffer[_start++];
            }
            return bytes;
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, cancellationToken);
            return _end > 0;
        }
    }

    /// <summary>Frames whatever is written as HTTP/1.1 chunks and ends with the last chunk when disposed.</summary>
    private sealed class ChunkedWriter(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (buffer.Length == 0) return;
            await inner.WriteAsync(Encoding.ASCII.GetBytes($"{buffer.Length:X}\r\n"), cancellationToken);
            await inner.WriteAsync(buffer, cancellationToken);
            await inner.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask DisposeAsync()
        {
            await inner.WriteAsync("0\r\n\r\n"u8.ToArray());
            await base.DisposeAsync();
        }

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
