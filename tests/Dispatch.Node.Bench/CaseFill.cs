using System.Diagnostics;
using System.Globalization;
using Dispatch.Data;
using Dispatch.Data.Bulk;
using Dispatch.Data.Feed;
using Dispatch.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Bench;

/// <summary>
/// Brings a node's database up to <see cref="FillOptions.Cases"/> cases without going through the node:
/// cases are made by the domain (<see cref="FillCaseFactory"/>) and written as SaveChanges would write
/// them (cases, their history, one feed row per event) with multi-row INSERTs built from the EF model,
/// one transaction per chunk. A sample is then read back through the EF model and compared.
/// </summary>
internal static class CaseFill
{
    private const int ChunkSize = 10_000;

    public static async Task<int> RunAsync(FillOptions options)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseSettings.ProviderKey] = options.Provider,
            ["ConnectionStrings:" + DatabaseSettings.ConnectionStringName] = options.ConnectionString,
        }).Build();
        await using var services = new ServiceCollection().AddDispatchData(configuration).BuildServiceProvider();
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        var contexts = services.GetRequiredService<IDbContextFactory<DispatchDbContext>>();

        await using var context = await contexts.CreateDbContextAsync();
        var existing = await context.Cases.LongCountAsync();
        var toAdd = options.Cases - existing;
        if (toAdd <= 0)
        {
            Console.WriteLine($"fill: the database already holds {existing} cases; nothing to add");
            return 0;
        }

        var factory = new FillCaseFactory(await FillDirectoryLoader.LoadAsync(context), DateTimeOffset.UtcNow, options.Seed, options.OpenAhead);
        var inserter = new CaseInserter(context);
        await context.Database.OpenConnectionAsync();
        if (context.Database.IsSqlite())
        {
            // The fill's own connection only: a bigger page cache for maintaining 9 indexes over 1M rows.
            await context.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -524288;");
        }

        var samples = new List<Case>();
        var watch = Stopwatch.StartNew();
        var eventCount = 0L;
        // Case indexes run over the whole fill (existing ones included), so a second fill continues the timeline.
        // The next chunk is made on another core while this one is written.
        var making = Task.Run(() => Make(factory, existing, options.Cases));
        for (var first = existing; first < options.Cases; first += ChunkSize)
        {
            var last = Math.Min(first + ChunkSize, options.Cases);
            var chunk = await making;
            making = Task.Run(() => Make(factory, last, options.Cases));
            eventCount += chunk.Sum(c => c.History.Count);
            using (var transaction = context.Database.BeginTransaction())
            {
                inserter.Insert(chunk);
                transaction.Commit();
            }

            samples.AddRange(chunk.Where((_, i) => i % 2_500 == 0));
            if ((last - existing) % 100_000 == 0 || last == options.Cases)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"fill: {last - existing}/{toAdd} cases ({eventCount} events), {(last - existing) / watch.Elapsed.TotalSeconds:F0} cases/s"));
            }
        }

        await context.Database.CloseConnectionAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fill: added {toAdd} cases with {eventCount} events in {watch.Elapsed.TotalSeconds:F0} s; the database now holds {options.Cases}"));
        return await FillCheck.VerifyAsync(contexts, samples) ? 0 : 1;
    }

    private static List<Case> Make(FillCaseFactory factory, long first, long count)
    {
        var last = Math.Min(first + ChunkSize, count);
        var chunk = new List<Case>((int)Math.Max(0, last - first));
        for (var index = first; index < last; index++)
        {
            chunk.Add(factory.Create(index, count));
        }

        return chunk;
    }
}
