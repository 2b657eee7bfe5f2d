using Dispatch.Fuzzing;
using Dispatch.Node.Tests.Infrastructure;

namespace Dispatch.Node.Tests.Fuzzing;

/// <summary>
/// gRPC frames that grpc-dotnet alone answers UNKNOWN (found by the fuzz suite): a compressed flag other than 0 or 1,
/// a declared length past 2 GiB, a message flagged gzip that is not gzip. Each gets its own status.
/// </summary>
public sealed class BrokenFramingTests() : NodeTestBase(StorageKind.Sqlite)
{
    private static readonly byte[] GetCase = new WireWriter().Tag(1, WireWriter.LengthDelimited).Delimited("no-such-case").ToArray();

    public static TheoryData<string, int> Frames => new()
    {
        { "flag 2", 3 },
        { "flag 255", 3 },
        { "length 4 GiB - 1", 8 },
        { "length 2 GiB", 8 },
        { "gzip flagged, not gzip", 3 },
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public async Task GetCase_BrokenFrame_ClearStatus(string frame, int expectedCode)
    {
        byte[] body = frame switch
        {
            "flag 2" => FuzzRequest.Frame(GetCase, compressed: 2),
            "flag 255" => FuzzRequest.Frame(GetCase, compressed: 255),
            "length 4 GiB - 1" => FuzzRequest.Frame(GetCase, declaredLength: uint.MaxValue),
            "length 2 GiB" => FuzzRequest.Frame(GetCase, declaredLength: 1u << 31),
            _ => FuzzRequest.Frame(GetCase, compressed: 1),
        };
        List<KeyValuePair<string, string>> headers = [new("te", "trailers"), new("authorization", "Bearer " + await Node.LoginAsync("dispatcher"))];
        if (frame.StartsWith("gzip", StringComparison.Ordinal))
        {
            headers.Add(new("grpc-encoding", "gzip"));
        }

        using var sender = new FuzzSender(Node.Address, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        var answer = await sender.SendAsync(new FuzzRequest("/dispatch.v1.CaseService/GetCase", body, "application/grpc", headers), serverStreaming: false, CancellationToken.None);

        Assert.Equal(new FuzzAnswer(AnswerKind.Status, expectedCode), answer with { Message = "" });
    }
}
