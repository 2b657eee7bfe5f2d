using System.Net;
using System.Net.Sockets;
using Dispatch.Node.Hosting;
using Grpc.Core;

namespace Dispatch.Cluster.Tests.Infrastructure;

/// <summary>
/// Some members of the local cluster (<see cref="LocalCluster.Members"/>), each its own process, in a
/// fresh working directory of their own. All ports are moved by one offset (the node's
/// <c>--cluster-port-offset</c>) to a range that is free, so tests run beside a platform on the
/// default ports. Disposing kills every process and removes the directory (kept when
/// DISPATCH_KEEP_CLUSTER_DIRS is set, for reading the logs).
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    private static readonly TimeSpan EffectLimit = TimeSpan.FromSeconds(90);
    private readonly Dictionary<string, NodeProcess> _nodes;

    private ProcessCluster(string workingDirectory, int portOffset, IReadOnlyDictionary<string, NodeHost> hosts)
    {
        WorkingDirectory = workingDirectory;
        _nodes = hosts.Keys.ToDictionary(id => id, id =>
        {
            var member = LocalCluster.Members.Single(m => m.Id == id);

            // A parent in this cluster is reached where it listens; elsewhere (not started) the settings' address stays.
            var parentUrl = member.ParentId is { } parentId && hosts.TryGetValue(parentId, out var parentHost)
                ? $"http://{parentHost.Address}:{LocalCluster.Shifted(LocalCluster.Members.Single(m => m.Id == parentId), portOffset).GrpcPort}"
                : null;
            return new NodeProcess(member, workingDirectory, portOffset, hosts[id], parentUrl);
        });
    }

    public string WorkingDirectory { get; }

    public NodeProcess this[string memberId] => _nodes[memberId];

    /// <summary>Starts the given members together, on loopback, and returns once every one serves.</summary>
    public static Task<ProcessCluster> StartAsync(params string[] memberIds) =>
        StartAsync(memberIds.ToDictionary(id => id, _ => NodeHost.Loopback));

    /// <summary>Starts the given members together, each on its host, and returns once every one serves.</summary>
    public static async Task<ProcessCluster> StartAsync(IReadOnlyDictionary<string, NodeHost> hosts)
    {
        var directory = Directory.CreateTempSubdirectory("dispatch-cluster-test-").FullName;

        // The link keys exist before any member starts, so members started together agree on them.
        LocalCluster.LoadOrCreateKeys(Path.Combine(directory, "data", "cluster-keys.json"));
        var cluster = new ProcessCluster(directory, FreePortOffset(), hosts);
        try
        {
            await Task.WhenAll(hosts.Keys.Select(id => cluster[id].StartAsync()));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>
    /// Waits for an effect that crosses processes (an outbox delivery, a streamed update) by polling
    /// <paramref name="probe"/> until it returns a value; a node that is restarting counts as "not
    /// yet". Gives up after a generous bound with the nodes' last log lines.
    /// </summary>
    public async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what)
        where T : class
    {
        var giveUp = DateTime.UtcNow + EffectLimit;
        RpcException? last = null;
        while (DateTime.UtcNow < giveUp)
        {
            try
            {
                if (await probe() is { } found)
                {
                    return found;
                }
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Cancelled or StatusCode.Internal)
            {
                last = e;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException(
            $"Gave up after {EffectLimit.TotalSeconds} s waiting for {what}{(last is null ? "" : $" (last probe failed: {last.Status})")}.\n{string.Join('\n', _nodes.Values.Select(n => n.Tail()))}");
    }

    public async ValueTask DisposeAsync()
    {
        // Every process is killed even when killing one of them fails.
        var errors = new List<Exception>();
        foreach (var node in _nodes.Values)
        {
            try
            {
                await node.DisposeAsync();
            }
            catch (Exception e)
            {
                errors.Add(e);
            }
        }

        if (Environment.GetEnvironmentVariable("DISPATCH_KEEP_CLUSTER_DIRS") is not { Length: > 0 })
        {
            try
            {
                Directory.Delete(WorkingDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        if (errors.Count > 0)
        {
            throw new AggregateException("Stopping the cluster's processes failed.", errors);
        }
    }

    /// <summary>
    /// An offset that puts every member's two ports on free loopback ports, below the kernel's
    /// ephemeral range (32768 and up), so outgoing connections do not take them meanwhile.
    /// </summary>
    private static int FreePortOffset()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var offset = Random.Shared.Next(50, 220) * 100;
            if (LocalCluster.Members.Select(m => LocalCluster.Shifted(m, offset)).All(m => IsFree(m.GrpcPort) && IsFree(m.HttpPort)))
            {
                return offset;
            }
        }

        throw new InvalidOperationException("No free range of loopback ports for a test cluster.");
    }

    private static bool IsFree(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }
}
