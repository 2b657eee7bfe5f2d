using Grpc.Core;

namespace Dispatch.Grpc.Bench;

/// <summary>
/// <c>/bench.Echo/Call</c> on raw bytes, as the grpc-go anchor serves it: no protobuf work on either
/// side, so the benchmark measures the runtime alone.
/// </summary>
internal static class EchoMethods
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    public static readonly Method<byte[], byte[]> Call = new(MethodType.Unary, "bench.Echo", "Call", Bytes, Bytes);
}
