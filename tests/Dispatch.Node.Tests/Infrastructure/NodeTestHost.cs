using Dispatch.Contracts.V1;
using Dispatch.Node.Hosting;
using Dispatch.Node.Seeding;
using Dispatch.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests.Infrastructure;

/// <summary>
/// One node on a real Kestrel loopback port with its own fresh database and the demo directory,
/// on a fake clock. Hands out clients signed in as any demo user.
/// </summary>
public sealed class NodeTestHost : IAsyncDisposable
{
    private readonly LoopbackGrpcHost _host;
    private readonly TestDatabase _database;

    private NodeTestHost(LoopbackGrpcHost host, TestDatabase database, FakeTimeProvider clock)
    {
        _host = host;
        _database = database;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public GrpcChannel Channel => _host.Channel;

    public IServiceProvider Services => _host.Services;

    public static async Task<NodeTestHost> StartAsync(StorageKind storage)
    {
        var database = await TestDatabase.CreateAsync(storage);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Node:Id"] = "test-node",
            ["Node:Name"] = "Test node",
            ["Node:SeedDemo"] = "true",
            ["Node:DataDirectory"] = database.Folder,
            ["Database:Provider"] = database.Provider,
            ["ConnectionStrings:Dispatch"] = database.ConnectionString,
        }).Build();
        var host = await LoopbackGrpcHost.StartAsync(
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddDispatchNode(configuration);
            },
            app => app.MapDispatchNode());
        await host.Services.GetRequiredService<NodeStartup>().RunAsync(CancellationToken.None);
        return new NodeTestHost(host, database, clock);
    }

    public async Task<string> LoginAsync(string userName, string password = DemoDirectory.Password) =>
        (await new AuthService.AuthServiceClient(Channel).LoginAsync(new LoginRequest { UserName = userName, Password = password })).AccessToken;

    /// <summary>A case client whose calls carry the user's bearer token.</summary>
    public async Task<CaseService.CaseServiceClient> CasesAsAsync(string userName) =>
        new(Channel.CreateCallInvoker().WithToken(await LoginAsync(userName)));

    public async Task<DirectoryService.DirectoryServiceClient> DirectoryAsAsync(string userName) =>
        new(Channel.CreateCallInvoker().WithToken(await LoginAsync(userName)));

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }
}
