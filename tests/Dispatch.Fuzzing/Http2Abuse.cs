namespace Dispatch.Fuzzing;

/// <summary>What a raw connection says to the node: truncated and illegal frames, floods, streams opened and reset.</summary>
internal static class Http2Abuse
{
    public static (byte[] Bytes, string How) Build(Random random, string path, byte[] message, FuzzCredential credential)
    {
        var headers = Http2Frames.RequestBlock(path, GrpcHeaders.For(credential));
        var frames = new Http2Frames().Start();
        switch (random.Next(14))
        {
            case 0:
                frames.Frame(Http2Frames.Headers, Http2Frames.EndHeaders, 1, headers[..(headers.Length / 2)], declaredLength: headers.Length + random.Next(1, 5_000));
                return (frames.ToArray(), "a HEADERS frame cut short (declared longer than sent)");
            case 1:
                frames.Frame(Http2Frames.Headers, Http2Frames.EndHeaders, 1, headers).Frame(Http2Frames.Data, 0, 1, FuzzRequest.Frame(message)[..Math.Max(1, message.Length / 2)], declaredLength: message.Length + 5);
                return (frames.ToArray(), "a DATA frame cut short");
            case 2:
                var garbage = new byte[random.Next(1, 4_000)];
                random.NextBytes(garbage);
                return (frames.Raw(garbage).ToArray(), "random bytes after the preface");
            case 3:
                var preface = new byte[random.Next(1, 64)];
                random.NextBytes(preface);
                return (preface, "no HTTP/2 preface");
            case 4:
                frames.Frame(Http2Frames.Headers, Http2Frames.EndHeaders | Http2Frames.EndStream, 2, headers);
                return (frames.ToArray(), "HEADERS on an even (server) stream id");
            case 5:
                frames.Frame(Http2Frames.Data, 0, 0, FuzzRequest.Frame(message));
                return (frames.ToArray(), "DATA on stream 0");
            case 6:
                frames.Frame(Http2Frames.Headers, Http2Frames.EndHeaders, 1, headers).Window(random.Next(2), 0);
                return (frames.ToArray(), "WINDOW_UPDATE of 0");
            case 7:
                frames.Frame(Http2Frames.Settings, 0, 0, [0x00, 0x04, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x05, 0x00, 0x00, 0x00, 0x01]);
                return (frames.ToArray(), "SETTINGS out of range (window 2^32-1, frame size 1)");
            case 8:
                frames.Frame(Http2Frames.Headers, 0, 1, headers).Frame(Http2Frames.Data, 0, 1, FuzzRequest.Frame(message));
                return (frames.ToArray(), "HEADERS without END_HEADERS, then DATA instead of CONTINUATION");
            case 9:
                frames.Frame(Http2Frames.Headers, 0, 1, headers);
                var continuations = random.Next(100, 2_000);
                var block = Http2Frames.RequestBlock(path, [new("x-fuzz", new string('c', 100))])[^109..];
                for (var i = 0; i < continuations; i++)
                {
                    frames.Frame(Http2Frames.Continuation, 0, 1, block);
                }

                return (frames.ToArray(), $"a CONTINUATION flood ({continuations} frames, no END_HEADERS)");
            case 10:
                var pings = random.Next(100, 3_000);
                for (var i = 0; i < pings; i++)
                {
                    frames.Frame(Http2Frames.Ping, 0, 0, new byte[8]);
                }

                return (frames.ToArray(), $"{pings} PINGs");
            case 11:
                var streams = random.Next(50, 1_000);
                for (var i = 0; i < streams; i++)
                {
                    var id = 1 + (2 * i);
                    frames.Frame(Http2Frames.Headers, Http2Frames.EndHeaders, id, headers).Reset(id);
                }

                return (frames.ToArray(), $"{streams} streams opened and reset at once (rapid reset)");
            case 12:
                frames.Frame(Http2Frames.Headers, Http2Frames.EndHeaders, 1, headers).Frame(Http2Frames.Data, 0, 1, new byte[20_000]);
                return (frames.ToArray(), "a DATA frame over the 16 KB maximum frame size");
            default:
                // Without a credential: the call itself must not be able to write, its answer is not read.
                frames.Frame(Http2Frames.Headers, Http2Frames.EndHeaders, 1, Http2Frames.RequestBlock(path, [new("te", "trailers")])).Frame(Http2Frames.Data, Http2Frames.EndStream, 1, FuzzRequest.Frame(message))
                    .Frame((byte)random.Next(0x0A, 0x100), (byte)random.Next(256), random.Next(0, 5), new byte[random.Next(0, 100)]);
                return (frames.ToArray(), "a call followed by a frame of an unknown type");
        }
    }
}
