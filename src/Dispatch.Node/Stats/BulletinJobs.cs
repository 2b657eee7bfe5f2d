using Dispatch.Application.Stats.Bulletins;
using Dispatch.Domain.Evaluation;
using Hangfire;

namespace Dispatch.Node.Stats;

/// <summary>
/// The bulletin jobs Hangfire runs: one recurring job per kind at the end of its period, midnight in the node's report
/// time zone (<see cref="BulletinSchedule"/>), each also run once at start to catch up what fell due while the node was down.
/// </summary>
internal sealed class BulletinJobs(BulletinProducer producer)
{
    /// <summary>Stores every completed period of <paramref name="kind"/> not stored yet (idempotent, replicas included).</summary>
    [JobDisplayName("Bulletins: {0}")]
    public Task ProduceAsync(ReportKind kind, CancellationToken cancellationToken) => producer.ProduceDueAsync(kind, cancellationToken);
}
