using Dispatch.Node.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Node.Tests.Fuzzing;

/// <summary>
/// Bytes that are not the request message (found by the fuzz suite): INVALID_ARGUMENT naming the message, for
/// unary and streaming calls, with and without a token; grpc-dotnet alone answers UNKNOWN.
/// </summary>
public sealed class UnparseableRequestTests() : NodeTestBase(StorageKind.Sqlite)
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    public static TheoryData<string, byte[]> Requests => new()
    {
        { "GetCase", [0x0A, 0xFF, 0xFF, 0x01] },      // a length past the end
        { "ListCases", [0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01] },  // an 11-byte varint
        { "ReportCase", [0x0A, 0x02, 0xC3, 0x28] },   // a string that is not UTF-8
        { "AcceptCase", [0x0B, 0x08, 0x01] },         // a group never closed
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task UnaryCall_BytesThatAreNotTheMessage_InvalidArgumentNamingIt(string rpc, byte[] bytes)
    {
        var calls = Node.Channel.CreateCallInvoker().WithToken(await Node.LoginAsync("dispatcher"));
        var method = new Method<byte[], byte[]>(MethodType.Unary, "dispatch.v1.CaseService", rpc, Bytes, Bytes);

        var error = await Assert.ThrowsAsync<RpcException>(() => calls.AsyncUnaryCall(method, null, default, bytes).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal($"The request is not a valid {rpc}Request message.", error.Status.Detail);
    }

    [Fact]
    public async Task Login_BytesThatAreNotTheMessage_InvalidArgument()
    {
        var method = new Method<byte[], byte[]>(MethodType.Unary, "dispatch.v1.AuthService", "Login", Bytes, Bytes);

        var error = await Assert.ThrowsAsync<RpcException>(() => Node.Channel.CreateCallInvoker().AsyncUnaryCall(method, null, default, [0x12, 0x05, 0x61]).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task WatchCases_BytesThatAreNotTheMessage_InvalidArgument()
    {
        var calls = Node.Channel.CreateCallInvoker().WithToken(await Node.LoginAsync("dispatcher"));
        var method = new Method<byte[], byte[]>(MethodType.ServerStreaming, "dispatch.v1.CaseService", "WatchCases", Bytes, Bytes);
        using var call = calls.AsyncServerStreamingCall(method, null, default, [0x08, 0x80]);

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
