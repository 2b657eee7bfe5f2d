using System.Linq.Expressions;
using Dispatch.Data;
using Dispatch.Node.Hosting;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.Logging;
using Microsoft.Extensions.Options;

namespace Dispatch.Node.Scheduling;

/// <summary>
/// Hangfire in a node: its storage (<see cref="NodeJobStorage"/>), a small job server, and the node's recurring jobs.
/// The node's storage and activator are registered before Hangfire's defaults, which are process-wide
/// (<c>JobStorage.Current</c>): the local platform and the tests run several nodes in one process.
/// </summary>
internal static class SchedulingSetup
{
    /// <summary>Jobs are few (a deadline trigger, a safety sweep, reports); a trigger may wait a little for its instant.</summary>
    public const int Workers = 4;

    /// <summary>
    /// How often the server looks for scheduled jobs that came due. Hangfire keeps their times in whole seconds
    /// and the deadline trigger waits out the rest itself, so this bounds how late it starts.
    /// </summary>
    public static readonly TimeSpan SchedulePolling = TimeSpan.FromMilliseconds(200);

    /// <summary>Hangfire's services and job server; call last, so that the server starts after the rest of the node.</summary>
    public static IServiceCollection AddNodeScheduling(this IServiceCollection services)
    {
        // Set before anything of Hangfire's is built: the process-wide log provider may still name a node that is gone.
        LogProvider.SetCurrentLogProvider(HangfireLogging.Instance);
        services.AddSingleton<JobStorage>(sp => NodeJobStorage.Create(sp.GetRequiredService<DatabaseSettings>()));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(HangfireLogging.Instance.Attach(sp.GetRequiredService<ILoggerFactory>())));
        services.AddHostedService<RecurringJobRegistration>();
        services.AddHangfireServer((sp, options) =>
        {
            options.ServerName = sp.GetRequiredService<IOptions<NodeOptions>>().Value.Id;
            options.WorkerCount = Workers;
            options.SchedulePollingInterval = SchedulePolling;
        });
        return services;
    }

    /// <summary>A recurring job of the node: one line per job (see <see cref="RecurringJobDefinition"/>).</summary>
    public static IServiceCollection AddRecurringJob<TJob>(
        this IServiceCollection services,
        string id,
        Expression<Func<TJob, Task>> run,
        Func<IServiceProvider, string?> cron,
        Func<IServiceProvider, TimeZoneInfo>? timeZone = null,
        bool runAtStart = false) =>
        services.AddSingleton(new RecurringJobDefinition(id, Job.FromExpression(run), cron, timeZone, runAtStart));
}
