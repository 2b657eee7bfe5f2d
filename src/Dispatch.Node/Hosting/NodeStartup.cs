using Dispatch.Data;
using Dispatch.Node.Seeding;
using Microsoft.Extensions.Options;

namespace Dispatch.Node.Hosting;

/// <summary>What runs before a node serves: migrate its database, seed the demo directory if asked.</summary>
internal sealed class NodeStartup(DatabaseInitializer database, DemoDirectory demo, IOptions<NodeOptions> options)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken);
        var seeded = await demo.SeedAsync(cancellationToken);
        if (seeded.Count > 0)
        {
            Console.WriteLine($"{options.Value.Name}: demo users (password '{DemoDirectory.Password}'): {string.Join(", ", seeded.Select(u => $"{u.UserName} ({u.Role})"))}");
        }
    }
}
