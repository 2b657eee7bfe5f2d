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
    private readonly TestDatabase? _database;
    private IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly int _port;
    private LoopbackGrpcHost _host;

    private NodeTestHost(LoopbackGrpcHost host, TestDatabase? database, FakeTimeProvider clock, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices, int port)
    {
        _host = host;
        _database = database;
        _settings = settings;
        _configureServices = configureServices;
        _port = port;
        Clock = clock;
    }

    public Uri Address => _host.Address;

    /// <summary>The node's web (HTTP/1.1) port: the sign-in page and the Hangfire dashboard.</summary>
    public Uri WebAddress => new($"{(IsTls(_settings) ? "https" : "http")}://127.0.0.1:{_settings["Node:HttpPort"]}");

    public FakeTimeProvider Clock { get; }

    public GrpcChannel Channel => _host.Channel;

    public IServiceProvider Services => _host.Services;

    /// <summary>
    /// Starts a node; <paramref name="settings"/> override the defaults (Node:*, Database:*);
    /// <paramref name="configureServices"/> adds to the node's services (e.g. a test interceptor).
    /// </summary>
    public static async Task<NodeTestHost> StartAsync(StorageKind storage, IReadOnlyDictionary<string, string?>? settings = null, int port = 0, Action<IServiceCollection>? configureServices = null)
    {
        var database = await TestDatabase.CreateAsync(storage);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        var all = new Dictionary<string, string?>
        {
            ["Node:Id"] = "test-node",
            ["Node:Name"] = "Test node",
            ["Node:SeedDemo"] = "true",
            ["Node:DataDirectory"] = database.Folder,
            ["Database:Provider"] = database.Provider,
            ["ConnectionStrings:Dispatch"] = database.ConnectionString,

            // Most tests move the clock by days; only the deadline tests want deadlines to fire.
            ["Deadlines:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = await StartOnFreeWebPortAsync(all, clock, configureServices, port);
        var node = new NodeTestHost(host, database, clock, all, configureServices, port);
        await node.WaitForJobsAsync();
        return node;
    }

    /// <summary>
    /// Waits until the node's Hangfire server has no job queued or running: the jobs a node runs at start (the bulletins'
    /// catch-up, the start-up deadline sweep) are then done, and a test's own steps do not race them. Polls the job
    /// storage, not a clock.
    /// </summary>
    public async Task WaitForJobsAsync()
    {
        var monitor = Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        for (var attempt = 0; attempt < 3_000; attempt++)
        {
            var statistics = monitor.GetStatistics();
            if (statistics.Enqueued == 0 && statistics.Processing == 0)
            {
                return;
            }

            await Task.Delay(10);
        }

        throw new InvalidOperationException("The node's start-up jobs did not finish.");
    }

    /// <summary>
    /// A second replica of this node: the same settings, database and clock, its own server and port (the
    /// database belongs to the first; disposing the replica leaves it).
    /// </summary>
    public async Task<NodeTestHost> StartReplicaAsync()
    {
        var settings = new Dictionary<string, string?>(_settings);
        settings.Remove("Node:HttpPort");
        var host = await StartOnFreeWebPortAsync(settings, Clock, _configureServices, 0);
        return new NodeTestHost(host, null, Clock, settings, _configureServices, 0);
    }

    /// <summary>
    /// Starts the node's deadline sweep the way Hangfire does it on its own: the recurring safety-sweep job,
    /// triggered through Hangfire's API. Hangfire schedules on the machine's clock, not the node's fake one, so a
    /// test that moves the clock past a deadline sweeps this way; the result shows on the watch stream.
    /// </summary>
    public void SweepDeadlines() =>
        Services.GetRequiredService<Hangfire.IRecurringJobManagerV2>().TriggerJob(Dispatch.Node.Deadlines.DeadlineSweepJob.SafetySweepId);

    /// <summary>Stops the node's server (its database stays), as a crash or shutdown would.</summary>
    public Task StopAsync() => _host.DisposeAsync().AsTask();

    /// <summary>Starts the node again on the same port and database, on the same clock, with <paramref name="changes"/> to its settings.</summary>
    public async Task RestartAsync(IReadOnlyDictionary<string, string?>? changes = null)
    {
        if (changes is not null)
        {
            var settings = new Dictionary<string, string?>(_settings);
            foreach (var (key, value) in changes)
            {
                settings[key] = value;
            }

            _settings = settings;
        }

        _host = await StartHostAsync(_settings, Clock, _configureServices, _port);
    }

    /// <summary>
    /// Starts a node whose web port (which its settings must name: the dashboard is mapped to it) is one free a moment
    /// ago, unless the settings name one. Another test's server may take that port in between; then the node starts
    /// again on another. The chosen port is kept in <paramref name="settings"/>, so a restart comes back on it.
    /// </summary>
    private static async Task<LoopbackGrpcHost> StartOnFreeWebPortAsync(Dictionary<string, string?> settings, FakeTimeProvider clock, Action<IServiceCollection>? configureServices, int port)
    {
        if (settings.ContainsKey("Node:HttpPort"))
        {
            return await StartHostAsync(settings, clock, configureServices, port);
        }

        for (var attempt = 1; ; attempt++)
        {
            settings["Node:HttpPort"] = LoopbackGrpcHost.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                return await StartHostAsync(settings, clock, configureServices, port);
            }
            catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException && attempt < 5)
            {
                settings.Remove("Node:HttpPort");
            }
        }
    }

    private static Task<LoopbackGrpcHost> StartHostAsync(IReadOnlyDictionary<string, string?> settings, FakeTimeProvider clock, Action<IServiceCollection>? configureServices, int port)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return LoopbackGrpcHost.StartAsync(
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddDispatchNode(configuration);

                // Tests sign in hundreds of times; production keeps the default work factor.
                services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000);
                configureServices?.Invoke(services);
            },
            app => app.MapDispatchNode(),
            port,
            int.Parse(settings["Node:HttpPort"]!, System.Globalization.CultureInfo.InvariantCulture),
            NodeEndpoints.Grpc,
            NodeEndpoints.Web,
            // Over TLS the host's channel is a user's: it trusts the node's authority and shows no certificate.
            IsTls(settings) ? TestCertificates.ChannelOptions(settings["Node:Tls:Ca"]!) : null);
    }

    private static bool IsTls(IReadOnlyDictionary<string, string?> settings) =>
        settings.TryGetValue("Node:Tls:Certificate", out var certificate) && !string.IsNullOrEmpty(certificate);

    public async Task<string> LoginAsync(string userName, string password = DemoDirectory.Password) =>
        (await new AuthService.AuthServiceClient(Channel).LoginAsync(new LoginRequest { UserName = userName, Password = password })).AccessToken;

    /// <summary>A case client whose calls carry the user's bearer token.</summary>
    public async Task<CaseService.CaseServiceClient> CasesAsAsync(string userName) =>
        new(Channel.CreateCallInvoker().WithToken(await LoginAsync(userName)));

    public async Task<SupervisionService.SupervisionServiceClient> SupervisionAsAsync(string userName) =>
        new(Channel.CreateCallInvoker().WithToken(await LoginAsync(userName)));

    public async Task<DirectoryService.DirectoryServiceClient> DirectoryAsAsync(string userName) =>
        new(Channel.CreateCallInvoker().WithToken(await LoginAsync(userName)));

    public async Task<OutboxService.OutboxServiceClient> OutboxAsAsync(string userName) =>
        new(Channel.CreateCallInvoker().WithToken(await LoginAsync(userName)));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.DisposeAsync();
        }
        catch (ObjectDisposedException)
        {
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
