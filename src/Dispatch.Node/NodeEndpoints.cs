namespace Dispatch.Node;

/// <summary>Where this node listens: gRPC on an h2c loopback port, web pages on an HTTP/1.1 one.</summary>
internal sealed record NodeEndpoints(string Name, int GrpcPort, int HttpPort)
{
    public static NodeEndpoints From(IConfiguration configuration) => new(
        configuration["Node:Name"] ?? "Dispatch node",
        configuration.GetValue("Node:GrpcPort", 5001),
        configuration.GetValue("Node:HttpPort", 5000));

    public string Describe() =>
        $"{Name}: gRPC (h2c) at http://127.0.0.1:{GrpcPort}, web at http://127.0.0.1:{HttpPort}";
}
