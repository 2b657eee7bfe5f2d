using Dispatch.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a node's storage.</summary>
public static class DispatchDataServiceCollectionExtensions
{
    /// <summary>The service key of the context factory for the node's single writer.</summary>
    public const string WriterKey = "Dispatch.Data.Writer";

    /// <summary>
    /// Registers <see cref="DatabaseSettings"/> read from <paramref name="configuration"/>, a pooled
    /// <see cref="IDbContextFactory{TContext}"/> of <see cref="DispatchDbContext"/> on the configured provider,
    /// a second one keyed <see cref="WriterKey"/> for the node's single writer (see
    /// <see cref="DispatchDbContextOptions.ForWriter"/>), and the <see cref="DatabaseInitializer"/> that
    /// migrates the database at start-up.
    /// </summary>
    public static IServiceCollection AddDispatchData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = DatabaseSettings.FromConfiguration(configuration);
        services.AddSingleton(settings);
        services.AddPooledDbContextFactory<DispatchDbContext>(
            options => DispatchDbContextOptions.Configure(options, settings));
        services.AddKeyedSingleton<IDbContextFactory<DispatchDbContext>>(WriterKey, (provider, _) =>
        {
            var options = new DbContextOptionsBuilder<DispatchDbContext>();
            if (provider.GetService<ILoggerFactory>() is { } logging)
            {
                options.UseLoggerFactory(logging);
            }

            DispatchDbContextOptions.ConfigureWriter(options, settings);
            return new PooledDbContextFactory<DispatchDbContext>(options.Options);
        });
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }
}
