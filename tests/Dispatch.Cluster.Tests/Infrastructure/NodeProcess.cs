using System.Diagnostics;
using System.Globalization;
using Dispatch.Contracts.V1;
using Dispatch.Node.Hosting;
using Dispatch.Node.Seeding;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Dispatch.Cluster.Tests.Infrastructure;

/// <summary>
/// One cluster member as its own operating-system process (<c>Dispatch.Node.dll --cluster-member</c>),
/// with its SQLite database under the cluster's working directory, so it can be SIGKILLed and started
/// again on the same database and port. Its output goes to logs/&lt;member&gt;.log there. It runs on its
/// <see cref="NodeHost"/>: loopback, or another address and network namespace (partition tests).
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(30);
    private readonly string _workingDirectory;
    private readonly int _portOffset;
    private readonly NodeHost _host;
    private readonly string? _parentUrl;
    private readonly NodeLog _log;
    private Process? _process;

    /// <param name="parentUrl">Where the parent listens when it runs in the same cluster; null keeps the cluster settings' address (loopback).</param>
    public NodeProcess(LocalCluster.Member member, string workingDirectory, int portOffset, NodeHost host, string? parentUrl)
    {
        Member = LocalCluster.Shifted(member, portOffset);
        _workingDirectory = workingDirectory;
        _portOffset = portOffset;
        _host = host;
        _parentUrl = parentUrl;
        _log = new NodeLog(Path.Combine(workingDirectory, "logs", member.Id + ".log"));
        Channel = GrpcChannel.ForAddress($"http://{host.Address}:{Member.GrpcPort}");
    }

    /// <summary>The member with the ports it really listens on.</summary>
    public LocalCluster.Member Member { get; }

    public string Id => Member.Id;

    /// <summary>A channel to the node without credentials; it reconnects after a restart.</summary>
    public GrpcChannel Channel { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the process and returns once the node answers its health check as serving.</summary>
    public async Task StartAsync(IEnumerable<string>? extraArgs = null)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Id} is already running.");
        }

        // `ip netns exec` execs the node in the namespace: the process started is the node itself.
        var command = _host.Namespace is { } ns ? [NetTools.Ip!, "netns", "exec", ns, NodeBinary.DotnetHost] : new[] { NodeBinary.DotnetHost };
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var placement = new List<string> { "--Node:ListenAddress=" + _host.Address };
        if (_parentUrl is not null)
        {
            placement.Add("--Node:ParentUrl=" + _parentUrl);
        }

        foreach (var arg in command.Skip(1)
            .Concat([NodeBinary.Assembly, "--cluster-member", Id, "--cluster-port-offset", _portOffset.ToString(CultureInfo.InvariantCulture)])
            .Concat(placement).Concat(_host.Arguments ?? []).Concat(extraArgs ?? []))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => _log.Append(e.Data);
        process.ErrorDataReceived += (_, e) => _log.Append(e.Data);
        _log.Append($"--- starting: {string.Join(' ', start.ArgumentList)}");
        process.Start();
        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilServingAsync(process);
    }

    /// <summary>SIGKILL: no shutdown code runs, whatever was not committed is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(); // SIGKILL on Unix
        }

        using var limit = new CancellationTokenSource(ExitLimit);
        await process.WaitForExitAsync(limit.Token);
        _log.Append($"--- killed (SIGKILL), exit code {process.ExitCode}");
        process.Dispose();
        _process = null;
    }

    public async Task<string> LoginAsync(string userName) =>
        (await new AuthService.AuthServiceClient(Channel).LoginAsync(new LoginRequest { UserName = userName, Password = DemoDirectory.Password })).AccessToken;

    /// <summary>A case client whose calls carry the user's token (still valid after a restart: the signing key is on disk).</summary>
    public async Task<CaseService.CaseServiceClient> CasesAsAsync(string userName) => new(await SignedInAsync(userName));

    public async Task<SupervisionService.SupervisionServiceClient> SupervisionAsAsync(string userName) => new(await SignedInAsync(userName));

    /// <summary>Calls on this node that carry the user's token.</summary>
    private async Task<CallInvoker> SignedInAsync(string userName)
    {
        var token = await LoginAsync(userName);
        return Channel.CreateCallInvoker().Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + token);
            return metadata;
        });
    }

    /// <summary>How many lines the process wrote (in all its runs) contain every one of the fragments.</summary>
    public int LogLinesWith(params string[] fragments) => _log.CountLines(line => fragments.All(line.Contains));

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Tail() => $"== {Id} ==\n{_log.Tail()}";

    private async Task WaitUntilServingAsync(Process process)
    {
        var health = new Health.HealthClient(Channel);
        var giveUp = DateTime.UtcNow + StartLimit;
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Id} exited with code {process.ExitCode} while starting.\n{Tail()}");
            }

            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (RpcException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException($"{Id} did not serve within {StartLimit.TotalSeconds} s.\n{Tail()}");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            Channel.Dispose();
            _log.Dispose();
        }
    }
}
