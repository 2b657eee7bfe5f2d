namespace Grpc.AspNetCore.Server.Internal;

/// <summary>Registered by AddGrpc, so MapGrpcService can tell the services are missing.</summary>
internal sealed class GrpcMarkerService
{
}
