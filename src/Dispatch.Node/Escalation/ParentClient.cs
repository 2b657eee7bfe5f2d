using Dispatch.Contracts.V1;
using Dispatch.Node.Hosting;
using Dispatch.Node.Security;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace Dispatch.Node.Escalation;

/// <summary>
/// This node's connection to its parent (child -> parent only, so nodes behind NAT work), every call
/// carrying this node's credential.
/// </summary>
internal sealed class ParentClient : IDisposable
{
    private readonly GrpcChannel? _channel;

    public ParentClient(IOptions<NodeOptions> options, NodeCredentials credentials)
    {
        var node = options.Value;
        if (!node.HasParent)
        {
            return;
        }

        var callCredentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", "Bearer " + credentials.CredentialForParent());
            return Task.CompletedTask;
        });
        var secure = node.ParentUrl!.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        _channel = GrpcChannel.ForAddress(node.ParentUrl, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(secure ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure, callCredentials),
            UnsafeUseInsecureChannelCallCredentials = !secure,
        });
        Escalations = new EscalationService.EscalationServiceClient(_channel);
    }

    /// <summary>The parent's escalation service; null on a node without a parent.</summary>
    public EscalationService.EscalationServiceClient? Escalations { get; }

    public void Dispose() => _channel?.Dispose();
}
