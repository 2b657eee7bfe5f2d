using Dispatch.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a node's storage.</summary>
public static class DispatchDataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DatabaseSettings"/> read from <paramref name="configuration"/>, a pooled
    /// <see cref="IDbContextFactory{TContext}"/> of <see cref="DispatchDbContext"/> on the configured provider,
    /// and the <see cref="DatabaseInitializer"/> that migrates the database at start-up.
    /// </summary>
    public static IServiceCollection AddDispatchData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = DatabaseSettings.FromConfiguration(configuration);
        services.AddSingleton(settings);
        services.AddPooledDbContextFactory<DispatchDbContext>(
            options => DispatchDbContextOptions.Configure(options, settings));
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }
}
