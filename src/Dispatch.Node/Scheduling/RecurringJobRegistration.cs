using Hangfire;

namespace Dispatch.Node.Scheduling;

/// <summary>Registers (or updates, or removes) the node's recurring jobs with Hangfire at start, and runs those that catch up.</summary>
internal sealed class RecurringJobRegistration(
    IEnumerable<RecurringJobDefinition> definitions,
    IRecurringJobManager recurringJobs,
    IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var definition in definitions)
        {
            if (definition.Cron(services) is { } cron)
            {
                var timeZone = definition.TimeZone?.Invoke(services) ?? TimeZoneInfo.Utc;
                recurringJobs.AddOrUpdate(definition.Id, definition.Job, cron, new RecurringJobOptions { TimeZone = timeZone });
                if (definition.RunAtStart)
                {
                    recurringJobs.Trigger(definition.Id);
                }
            }
            else
            {
                recurringJobs.RemoveIfExists(definition.Id);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
