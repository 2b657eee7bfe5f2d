namespace Dispatch.Grpc.Interop.Tests.Wire;

/// <summary>The 5-byte prefix of one gRPC message as it crossed the wire.</summary>
/// <param name="Flags">The first prefix byte; bit 0 is the compressed flag.</param>
/// <param name="Length">The payload length announced by the prefix.</param>
public readonly record struct GrpcFrame(byte Flags, uint Length)
{
    public bool IsCompressed => (Flags & 1) != 0;
}
