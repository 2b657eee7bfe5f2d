using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Dispatch.Node.Tests.Open311;

/// <summary>
/// HTTP/1.1 at the byte level: sends a request exactly as written (no client library adding or reordering headers) and
/// reads one response (Content-Length or chunked).
/// </summary>
internal static class RawHttp
{
    public static async Task<(int Status, string Headers, string Body)> SendAsync(Uri server, string head, string body = "")
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n"));
        await stream.WriteAsync(Encoding.UTF8.GetBytes(body));

        var received = new List<byte>();
        var buffer = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOf(received, "\r\n\r\n"u8.ToArray())) < 0)
        {
            received.AddRange(buffer.AsSpan(0, await ReadSomeAsync(stream, buffer)).ToArray());
        }

        var headers = Encoding.ASCII.GetString(received.GetRange(0, headerEnd).ToArray());
        var rest = received.GetRange(headerEnd + 4, received.Count - headerEnd - 4);
        var status = int.Parse(headers.Split(' ')[1], CultureInfo.InvariantCulture);
        var length = headers.Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        if (length is not null)
        {
            var total = int.Parse(length["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
            while (rest.Count < total)
            {
                rest.AddRange(buffer.AsSpan(0, await ReadSomeAsync(stream, buffer)).ToArray());
            }

            return (status, headers, Encoding.UTF8.GetString(rest.ToArray(), 0, total));
        }

        // Chunked: read until the last (empty) chunk, then strip the chunk sizes.
        while (IndexOf(rest, "0\r\n\r\n"u8.ToArray()) < 0)
        {
            rest.AddRange(buffer.AsSpan(0, await ReadSomeAsync(stream, buffer)).ToArray());
        }

        var text = new StringBuilder();
        var data = rest.ToArray();
        var at = 0;
        while (true)
        {
            var lineEnd = Array.IndexOf(data, (byte)'\r', at);
            var size = int.Parse(Encoding.ASCII.GetString(data, at, lineEnd - at), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return (status, headers, text.ToString());
            }

            text.Append(Encoding.UTF8.GetString(data, lineEnd + 2, size));
            at = lineEnd + 2 + size + 2;
        }
    }

    private static async Task<int> ReadSomeAsync(NetworkStream stream, byte[] buffer)
    {
        var read = await stream.ReadAsync(buffer);
        return read > 0 ? read : throw new IOException("The server closed the connection before the whole response.");
    }

    private static int IndexOf(List<byte> haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Count; i++)
        {
            if (!needle.Where((b, j) => haystack[i + j] != b).Any())
            {
                return i;
            }
        }

        return -1;
    }
}
