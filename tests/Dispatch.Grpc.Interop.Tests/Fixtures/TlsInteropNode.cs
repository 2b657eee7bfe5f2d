namespace Dispatch.Grpc.Interop.Tests.Fixtures;

/// <summary>An <see cref="InteropNode"/> whose gRPC port speaks TLS only.</summary>
public sealed class TlsInteropNode() : InteropNode(tls: true);
