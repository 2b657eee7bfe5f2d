using Dispatch.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dispatch.Node.Bench;

/// <summary>A signed-in connection to a node: the channel, the case client and the bearer header.</summary>
internal sealed class NodeSession : IDisposable
{
    private readonly GrpcChannel _channel;

    private NodeSession(GrpcChannel channel, LoginResponse login)
    {
        _channel = channel;
        Login = login;
        Cases = new CaseService.CaseServiceClient(channel);
        Supervision = new SupervisionService.SupervisionServiceClient(channel);
        Call = new CallOptions(new Metadata { { "authorization", "Bearer " + login.AccessToken } });
    }

    public LoginResponse Login { get; }

    public CaseService.CaseServiceClient Cases { get; }

    public SupervisionService.SupervisionServiceClient Supervision { get; }

    /// <summary>Options for every call: carries the bearer token.</summary>
    public CallOptions Call { get; }

    public static async Task<NodeSession> SignInAsync(Uri address, string userName, string password)
    {
        var channel = GrpcChannel.ForAddress(address);
        try
        {
            var login = await new AuthService.AuthServiceClient(channel)
                .LoginAsync(new LoginRequest { UserName = userName, Password = password });
            return new NodeSession(channel, login);
        }
        catch
        {
            channel.Dispose();
            throw;
        }
    }

    /// <summary>The same signed-in session over a connection of its own (a new channel, the same token).</summary>
    public NodeSession OnOwnConnection(Uri address) => new(GrpcChannel.ForAddress(address), Login);

    public void Dispose() => _channel.Dispose();
}
