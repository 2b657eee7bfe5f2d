using Dispatch.Data;
using Dispatch.Node.Scheduling;
using Dispatch.Node.Seeding;

namespace Dispatch.Node.Hosting;

/// <summary>
/// What runs before a node serves: migrate its database (and the job scheduler's schema), seed the demo directory if asked. A hosted
/// service registered before all others, so the writer, the relay and the subscriber start on a
/// migrated database.
/// </summary>
internal sealed class NodeStartup(DatabaseInitializer database, DatabaseSettings settings, DemoDirectory demo) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken);
        await NodeJobStorage.PrepareAsync(settings, cancellationToken);
        await demo.SeedAsync(cancellationToken);  // the ready banner lists the demo users
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
