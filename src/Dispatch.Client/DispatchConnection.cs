using Dispatch.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dispatch.Client;

/// <summary>
/// A signed-in connection to one node: the generated clients, with every call carrying the bearer
/// token over a <see cref="NodeChannel"/> (https:// addresses checked against <c>caFile</c> when given).
/// </summary>
public sealed class DispatchConnection : IDisposable
{
    private readonly GrpcChannel _channel;

    private DispatchConnection(GrpcChannel channel, string token)
    {
        _channel = channel;
        Token = token;
        var invoker = channel.CreateCallInvoker();
        Cases = new CaseService.CaseServiceClient(invoker);
        Directory = new DirectoryService.DirectoryServiceClient(invoker);
        Stats = new StatsService.StatsServiceClient(invoker);
        Supervision = new SupervisionService.SupervisionServiceClient(invoker);
        Outbox = new OutboxService.OutboxServiceClient(invoker);
    }

    public string Token { get; }

    public CaseService.CaseServiceClient Cases { get; }

    public DirectoryService.DirectoryServiceClient Directory { get; }

    public StatsService.StatsServiceClient Stats { get; }

    public SupervisionService.SupervisionServiceClient Supervision { get; }

    public OutboxService.OutboxServiceClient Outbox { get; }

    /// <summary>Signs in with a user name and password.</summary>
    public static async Task<(DispatchConnection Connection, LoginResponse Login)> SignInAsync(
        string address, string userName, string password, string? caFile = null, CancellationToken cancellationToken = default)
    {
        using var anonymous = NodeChannel.For(address, caFile);
        var login = await new AuthService.AuthServiceClient(anonymous)
            .LoginAsync(new LoginRequest { UserName = userName, Password = password }, cancellationToken: cancellationToken);
        return (FromToken(address, login.AccessToken, caFile), login);
    }

    /// <summary>Reuses a token from an earlier sign-in.</summary>
    public static DispatchConnection FromToken(string address, string token, string? caFile = null)
    {
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", "Bearer " + token);
            return Task.CompletedTask;
        });
        return new DispatchConnection(NodeChannel.For(address, caFile, credentials), token);
    }

    /// <summary>
    /// Finds a case by id or by number (C-yyyyMMdd-XXXXXXXX): its own number, or at a parent tier the number the child
    /// that escalated it gave it.
    /// </summary>
    public async Task<Case> FindCaseAsync(string idOrNumber, CancellationToken cancellationToken = default) =>
        (await Cases.GetCaseAsync(new GetCaseRequest { CaseId = idOrNumber }, cancellationToken: cancellationToken)).Case;

    public void Dispose() => _channel.Dispose();
}
