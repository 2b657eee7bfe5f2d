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
/// again on the same database and port. Its output goes to logs/&lt;member&gt;.log there.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(30);
    private readonly string _workingDirectory;
    private readonly int _portOffset;
    private readonly NodeLog _log;
    private Process? _process;

    public NodeProcess(LocalCluster.Member member, string workingDirectory, int portOffset)
    {
        Member = LocalCluster.Shifted(member, portOffset);
        _workingDirectory = workingDirectory;
        _portOffset = portOffset;
        _log = new NodeLog(Path.Combine(workingDirectory, "logs", member.Id + ".log"));
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{Member.GrpcPort}");
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

        var start = new ProcessStartInfo(NodeBinary.DotnetHost)
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { NodeBinary.Assembly, "--cluster-member", Id, "--cluster-port-offset", _portOffset.ToString(CultureInfo.InvariantCulture) }.Concat(extraArgs ?? []))
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
