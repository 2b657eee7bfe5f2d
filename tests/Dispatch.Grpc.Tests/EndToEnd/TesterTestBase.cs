using Dispatch.Grpc.Tests.V1;

namespace Dispatch.Grpc.Tests.EndToEnd;

/// <summary>Starts a fresh <see cref="GrpcTestServer"/> per test and a client for it.</summary>
public abstract class TesterTestBase : IAsyncLifetime
{
    protected GrpcTestServer Server { get; private set; } = null!;

    protected Tester.TesterClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await GrpcTestServer.StartAsync();
        Client = new Tester.TesterClient(Server.CreateChannel());
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
