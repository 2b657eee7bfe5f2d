namespace Dispatch.Fuzzing;

/// <summary>Requests carrying too many or too large headers.</summary>
internal static class HeaderFlood
{
    public static (FuzzRequest Request, string How) Build(Random random, string path, byte[] message, FuzzCredential credential)
    {
        var headers = GrpcHeaders.For(credential);
        switch (random.Next(4))
        {
            case 0:
                var count = random.Next(100, 3_000);
                headers.AddRange(Enumerable.Range(0, count).Select(i => new KeyValuePair<string, string>($"x-fuzz-{i}", "v")));
                return (new FuzzRequest(path, FuzzRequest.Frame(message), GrpcHeaders.ContentType, headers), $"{count} extra headers");
            case 1:
                var size = random.Next(8_000, 1_000_000);
                headers.Add(new("x-fuzz", new string('h', size)));
                return (new FuzzRequest(path, FuzzRequest.Frame(message), GrpcHeaders.ContentType, headers), $"one header of {size} bytes");
            case 2:
                var repeats = random.Next(2, 200);
                headers.AddRange(Enumerable.Repeat(new KeyValuePair<string, string>("grpc-timeout", "5S"), repeats));
                return (new FuzzRequest(path, FuzzRequest.Frame(message), GrpcHeaders.ContentType, headers), $"grpc-timeout {repeats} times");
            default:
                var binary = random.Next(1, 100);
                headers.AddRange(Enumerable.Range(0, binary).Select(i => new KeyValuePair<string, string>($"x-fuzz-{i}-bin", i % 2 == 0 ? "!!not base64!!" : Convert.ToBase64String(new byte[1_000]))));
                return (new FuzzRequest(path, FuzzRequest.Frame(message), GrpcHeaders.ContentType, headers), $"{binary} binary (-bin) headers, some not base64");
        }
    }
}
