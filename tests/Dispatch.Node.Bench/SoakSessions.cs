namespace Dispatch.Node.Bench;

/// <summary>The demo users the soak signs in as on one node: a grid worker, the dispatcher, a department handler, the supervisor.</summary>
internal sealed class SoakSessions : IDisposable
{
    private SoakSessions(NodeSession worker, NodeSession dispatcher, NodeSession handler, NodeSession supervisor)
    {
        Worker = worker;
        Dispatcher = dispatcher;
        Handler = handler;
        Supervisor = supervisor;
    }

    public NodeSession Worker { get; }

    public NodeSession Dispatcher { get; }

    /// <summary>The sanitation department's handler: the routing rules suggest sanitation for the soak's category.</summary>
    public NodeSession Handler { get; }

    public NodeSession Supervisor { get; }

    public static async Task<SoakSessions> SignInAsync(Uri address, string password) => new(
        await NodeSession.SignInAsync(address, "worker1", password),
        await NodeSession.SignInAsync(address, "dispatcher", password),
        await NodeSession.SignInAsync(address, "sanitation", password),
        await NodeSession.SignInAsync(address, "supervisor", password));

    public void Dispose()
    {
        Worker.Dispose();
        Dispatcher.Dispose();
        Handler.Dispose();
        Supervisor.Dispose();
    }
}
