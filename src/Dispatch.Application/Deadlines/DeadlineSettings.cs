using Dispatch.Domain.Cases;
using Dispatch.Domain.Deadlines;
using Microsoft.Extensions.Options;

namespace Dispatch.Application.Deadlines;

/// <summary>The node's deadline policy, built once from <see cref="DeadlineOptions"/>; null policy when deadlines are off.</summary>
internal sealed class DeadlineSettings(IOptions<DeadlineOptions> options)
{
    private readonly Lazy<DeadlinePolicy?> _policy = new(() => options.Value.Enabled ? options.Value.ToPolicy() : null);

    public DeadlineOptions Options => options.Value;

    public DeadlinePolicy? Policy => _policy.Value;

    public bool Enabled => Policy is not null;

    /// <summary>The report with the deadline and reminder the policy gives a case whose clock starts at <paramref name="start"/>.</summary>
    public CaseReport Apply(CaseReport report, DateTimeOffset start)
    {
        if (Policy is not { } policy)
        {
            return report;
        }

        var deadline = policy.For(report.Whistle, report.CategoryCode, start);
        return report with { DueAt = deadline.DueAt, RemindAt = deadline.RemindAt };
    }
}
