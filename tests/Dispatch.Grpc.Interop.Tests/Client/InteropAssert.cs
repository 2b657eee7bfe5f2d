using Dispatch.Grpc.Interop.Tests.V1;
using Grpc.Core;
using static Dispatch.Grpc.Interop.Tests.Cases.InteropConstants;

namespace Dispatch.Grpc.Interop.Tests.Client;

/// <summary>The checks the interop cases make on what a server sent back.</summary>
internal static class InteropAssert
{
    public static void Zeros(Payload? payload, int size)
    {
        Assert.NotNull(payload);
        Assert.Equal(size, payload.Body.Length);
        Assert.True(payload.Body.Span.IndexOfAnyExcept((byte)0) < 0, "payload is not all zeros");
    }

    public static void Status(RpcException error, StatusCode code, string message, string what)
    {
        Assert.True(error.StatusCode == code, $"{what}: status {error.StatusCode}, expected {code} ({error.Status.Detail})");
        Assert.Equal(message, error.Status.Detail);
    }

    /// <summary>The initial echo key in the response headers, the -bin echo key in the trailers.</summary>
    public static void EchoedMetadata(string what, Metadata headers, Metadata trailers)
    {
        var initial = headers.Where(e => e.Key == EchoInitialKey).Select(e => e.Value).ToList();
        Assert.True(
            initial.SequenceEqual([EchoInitialValue]),
            $"{what}: response headers [{string.Join(", ", headers)}], expected {EchoInitialKey}={EchoInitialValue}");

        var trailing = trailers.Where(e => e.Key == EchoTrailingKey).Select(e => Convert.ToHexString(e.ValueBytes)).ToList();
        Assert.True(
            trailing.SequenceEqual([Convert.ToHexString(EchoTrailingValue)]),
            $"{what}: trailers [{string.Join(", ", trailers)}], expected {EchoTrailingKey}={Convert.ToHexString(EchoTrailingValue)}");
    }
}
