using System.IO.Compression;

namespace Dispatch.Fuzzing;

/// <summary>Requests whose gRPC framing or HTTP envelope is wrong around a message that may itself be fine.</summary>
internal static class FramingAbuse
{
    public static (FuzzRequest Request, string How) Build(Random random, string path, byte[] message, FuzzCredential credential)
    {
        var headers = GrpcHeaders.For(credential);
        FuzzRequest Grpc(byte[] body, string? header = null, string value = "") =>
            new(path, body, GrpcHeaders.ContentType, header is null ? headers : [.. headers, new(header, value)]);
        var length = (uint)message.Length;
        switch (random.Next(16))
        {
            case 0:
                return (Grpc(FuzzRequest.Frame(message, declaredLength: length + (uint)random.Next(1, 100_000))), "length prefix longer than the body");
            case 1:
                return (Grpc(FuzzRequest.Frame(message, declaredLength: length == 0 ? 0 : (uint)random.Next(0, (int)length))), "length prefix shorter than the body");
            case 2:
                return (Grpc(FuzzRequest.Frame(message, declaredLength: (uint)random.NextInt64(4 * 1024 * 1024 + 1, uint.MaxValue))), "length prefix over the maximum message size");
            case 3:
                return (Grpc(FuzzRequest.Frame(message, compressed: 1)), "compression flag without grpc-encoding");
            case 4:
                return (Grpc(FuzzRequest.Frame(message, compressed: 1), "grpc-encoding", "x-fuzz"), "compression flag with an unknown grpc-encoding");
            case 5:
                return (Grpc(FuzzRequest.Frame(message, compressed: 1), "grpc-encoding", "gzip"), "compression flag, grpc-encoding gzip, body not gzip");
            case 6:
                return (Grpc(FuzzRequest.Frame(message, compressed: 1), "grpc-encoding", "identity"), "compression flag with grpc-encoding identity");
            case 7:
                return (Grpc(FuzzRequest.Frame(message, compressed: (byte)random.Next(2, 256))), "compression flag neither 0 nor 1");
            case 8:
                return (Grpc(FuzzRequest.Frame(Gzip(message), compressed: 1), "grpc-encoding", "gzip"), "a gzip-compressed message (well-formed)");
            case 9:
                return (Grpc(random.Next(2) == 0 ? [] : FuzzRequest.Frame(message)[..random.Next(1, 5)]), "no message or a cut frame header");
            case 10:
                return (Grpc([.. FuzzRequest.Frame(message), .. FuzzRequest.Frame(message)]), "two messages for one request");
            case 11:
                string[] types = ["text/plain", "application/json", "application/grpc-web", "application/grpc+json", "application/grpcx", "", "application/grpc; charset=\u00ff"];
                var type = types[random.Next(types.Length)];
                return (new FuzzRequest(path, FuzzRequest.Frame(message), type, headers), $"content type '{type}'");
            case 12:
                string[] timeouts = ["0n", "1n", "99999999H", "123456789S", "-1S", "abc", "1x", "", "00000001m"];
                var timeout = timeouts[random.Next(timeouts.Length)];
                return (Grpc(FuzzRequest.Frame(message), "grpc-timeout", timeout), $"grpc-timeout '{timeout}'");
            case 13:
                string[] paths = ["/", "/dispatch.v1.CaseService/", "/dispatch.v1.Nope/Nope", path + "/extra", path.ToLowerInvariant(), "/" + new string('a', 8_000), path + "?x=1", "/%00/%ff"];
                var other = paths[random.Next(paths.Length)];
                return (new FuzzRequest(other, FuzzRequest.Frame(message), GrpcHeaders.ContentType, headers), $"path '{Shorten(other)}'");
            case 14:
                // A real message over the 4 MB limit, sent in full; rarer than the rest, it is heavy.
                return random.Next(20) == 0
                    ? (Grpc(FuzzRequest.Frame(new WireWriter().Tag(1, WireWriter.LengthDelimited).Delimited(new byte[4 * 1024 * 1024 + random.Next(1, 1_000)]).ToArray())), "a real message over the maximum size")
                    : (Grpc(FuzzRequest.Frame(message), "grpc-accept-encoding", "x-fuzz, gzip"), "grpc-accept-encoding with an unknown entry");
            default:
                var withoutTe = headers.Where(h => h.Key != "te").ToList();
                if (random.Next(2) == 0)
                {
                    withoutTe.Add(new("te", "gzip"));
                }

                return (new FuzzRequest(path, FuzzRequest.Frame(message), GrpcHeaders.ContentType, withoutTe), "te missing or not 'trailers'");
        }
    }

    private static byte[] Gzip(byte[] message)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(message);
        }

        return buffer.ToArray();
    }

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + $"... ({text.Length} chars)";
}
