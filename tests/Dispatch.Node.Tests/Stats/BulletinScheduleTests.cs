using Dispatch.Application.Stats.Bulletins;
using Dispatch.Domain.Evaluation;

namespace Dispatch.Node.Tests.Stats;

/// <summary>The recurring jobs the host registers: one per kind, at midnight starting each new period.</summary>
public sealed class BulletinScheduleTests
{
    [Fact]
    public void RecurringJobs_OnePerKind_AtTheMidnightEndingItsPeriod()
    {
        Assert.Equal(
            [("bulletins-daily", ReportKind.Daily, "0 0 * * *"), ("bulletins-weekly", ReportKind.Weekly, "0 0 * * 1"), ("bulletins-monthly", ReportKind.Monthly, "0 0 1 * *")],
            BulletinSchedule.RecurringJobs.Select(j => (j.Id, j.Kind, j.Cron)));
        Assert.Equal(Enum.GetValues<ReportKind>(), BulletinSchedule.RecurringJobs.Select(j => j.Kind).Order());
    }

    [Fact]
    public void CatchUp_BoundedPerKind()
    {
        Assert.Equal([31, 8, 3], Enum.GetValues<ReportKind>().Select(BulletinSchedule.CatchUp));
    }
}
