using System.Collections.Concurrent;
using System.Globalization;
using Dispatch.Contracts.V1;
using Dispatch.Node.Hosting;
using Dispatch.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;

namespace Dispatch.Grpc.Interop.Tests.Fixtures;

/// <summary>
/// A real node built as the program builds it (<see cref="NodeApp.Build"/>): its gRPC services on a
/// loopback h2c port (TLS in <see cref="TlsInteropNode"/>), a fresh SQLite database in a temp folder and the demo directory.
/// </summary>
public class InteropNode : IAsyncLifetime
{
    private const string DemoPassword = "dispatch-demo";

    /// <summary>The header the python client tags a call with when a test wants to know when the node ended it.</summary>
    public const string CallIdHeader = "x-interop-call-id";

    private readonly ConcurrentQueue<string> _gzipRequestPaths = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _endedCalls = new();
    private DirectoryInfo? _dataDirectory;
    private WebApplication? _app;
    private GrpcChannel? _channel;
    private int _grpcPort;
    private readonly TestCertificates? _certificates;

    public InteropNode()
        : this(tls: false)
    {
    }

    /// <param name="tls">Serve gRPC over TLS with a certificate of an authority made for this node (<see cref="CaPath"/>).</param>
    protected InteropNode(bool tls) => _certificates = tls ? TestCertificates.Create() : null;

    /// <summary>The authority a client must trust; null for a plain-text node.</summary>
    public string? CaPath => _certificates?.CaPath;

    /// <summary>host:port of the gRPC endpoint, as the python client takes it.</summary>
    public string Target => $"127.0.0.1:{_grpcPort}";

    /// <summary>The paths of the requests that arrived with <c>grpc-encoding: gzip</c>.</summary>
    public IReadOnlyCollection<string> GzipRequestPaths => _gzipRequestPaths;

    public async Task InitializeAsync()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("dispatch-interop-node-");
        _grpcPort = LoopbackGrpcHost.FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["Node:Id"] = "interop-node",
            ["Node:Name"] = "Interop test node",
            ["Node:GrpcPort"] = _grpcPort.ToString(CultureInfo.InvariantCulture),
            ["Node:HttpPort"] = "0",
            ["Node:DataDirectory"] = _dataDirectory.FullName,
            ["Node:SeedDemo"] = "true",
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Dispatch"] = $"Data Source={Path.Combine(_dataDirectory.FullName, "node.db")}",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in _certificates?.NodeSettings("interop-node") ?? [])
        {
            settings[key] = value;
        }

        _app = NodeApp.Build([], settings);
        _app.Use(async (context, next) =>
        {
            if (context.Request.Headers["grpc-encoding"] == "gzip")
            {
                _gzipRequestPaths.Enqueue(context.Request.Path);
            }

            try
            {
                await next(context);
            }
            finally
            {
                if (context.Request.Headers[CallIdHeader].FirstOrDefault() is { } callId)
                {
                    Ended(callId).TrySetResult();
                }
            }
        });
        await _app.StartAsync();
        _channel = CaPath is null
            ? GrpcChannel.ForAddress($"http://{Target}")
            : GrpcChannel.ForAddress($"https://{Target}", TestCertificates.ChannelOptions(CaPath));
    }

    /// <summary>Completes when the node has finished the call tagged with <paramref name="callId"/> (its handler returned or threw).</summary>
    public Task CallEndedAsync(string callId) => Ended(callId).Task;

    private TaskCompletionSource Ended(string callId) =>
        _endedCalls.GetOrAdd(callId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>A case as the node's own .NET client sees it, read as the dispatcher.</summary>
    public async Task<Case> GetCaseAsync(string caseId)
    {
        var channel = _channel ?? throw new InvalidOperationException("The node has not started.");
        var login = await new AuthService.AuthServiceClient(channel).LoginAsync(new LoginRequest { UserName = "dispatcher", Password = DemoPassword });
        var headers = new Metadata { { "authorization", $"Bearer {login.AccessToken}" } };
        var response = await new CaseService.CaseServiceClient(channel).GetCaseAsync(new GetCaseRequest { CaseId = caseId }, headers);
        return response.Case;
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _dataDirectory?.Delete(recursive: true);
        _certificates?.Dispose();
    }
}
