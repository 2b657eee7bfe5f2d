using Dispatch.Domain.Cases;

namespace Dispatch.Node.Bench;

/// <summary>
/// Moves a freshly reported case along the closed loop to a randomly chosen point, through the domain's
/// own methods and with the right actors, at plausible times after the report.
/// </summary>
internal sealed class FillLifecycle(FillDirectory directory, DateTimeOffset now, Random random)
{
    private enum Goal
    {
        Reported,
        Accepted,
        Rejected,
        Assigned,
        InProgress,
        Resolved,
        Returned,
        Deferred,
        Closed,
        Rated,
    }

    public void Advance(Case @case, bool recent)
    {
        var goal = recent
            ? FillCaseFactory.Pick(random, (6, Goal.Reported), (6, Goal.Accepted), (3, Goal.Rejected), (12, Goal.Assigned), (14, Goal.InProgress),
                (10, Goal.Resolved), (3, Goal.Returned), (2, Goal.Deferred), (24, Goal.Closed), (20, Goal.Rated))
            : FillCaseFactory.Pick(random, (1, Goal.Reported), (1, Goal.Accepted), (3, Goal.Rejected), (1, Goal.Assigned), (1, Goal.InProgress),
                (1, Goal.Resolved), (1, Goal.Deferred), (46, Goal.Closed), (45, Goal.Rated));
        var at = @case.ReportedAt;
        var dispatcher = directory.DispatcherId;
        if (@case.Status == CaseStatus.Reported)
        {
            if (goal == Goal.Reported)
            {
                MaybeOverdue(@case);
                return;
            }

            at = Later(at, 5, 60);
            if (goal == Goal.Rejected)
            {
                @case.Reject(dispatcher, at, "Not a matter for the grid platform.");
                return;
            }

            @case.Accept(dispatcher, at);
            if (goal == Goal.Accepted)
            {
                MaybeOverdue(@case);
                return;
            }

            var (assignee, handler) = ChooseAssignee(@case);
            at = Later(at, 5, 120);
            @case.Assign(dispatcher, at, assignee);
            if (goal == Goal.Assigned || goal == Goal.Deferred)
            {
                if (goal == Goal.Deferred)
                {
                    at = Later(at, 30, 600);
                    @case.Defer(dispatcher, at, at + TimeSpan.FromDays(3), "Waiting for the owner of the site.");
                }
                else
                {
                    MaybeOverdue(@case);
                }

                return;
            }

            at = Later(at, 30, 600);
            @case.Start(handler, at);
            if (goal == Goal.InProgress)
            {
                MaybeOverdue(@case);
                return;
            }

            at = Later(at, 60, 1440);
            @case.Resolve(handler, at, "Fixed.");
        }

        // Resolved (reported as Immediate, or handled above): verified by someone who did not resolve it.
        var verifier = @case.ResolvedBy == @case.ReporterId ? dispatcher : @case.ReporterId;
        if (goal is Goal.Resolved or Goal.Reported or Goal.Accepted or Goal.Assigned or Goal.InProgress or Goal.Rejected)
        {
            return;
        }

        at = Later(at, 30, 600);
        if (goal == Goal.Returned)
        {
            @case.Verify(verifier, at, passed: false, "Still blocked, please come back.");
            return;
        }

        if (goal == Goal.Deferred)
        {
            return;
        }

        @case.Verify(verifier, at, passed: true);
        if (goal == Goal.Rated)
        {
            @case.Rate(@case.ReporterId, Later(at, 10, 600), random.Next(1, 6));
        }
    }

    private (Assignee Assignee, Guid Handler) ChooseAssignee(Case @case)
    {
        if (random.Next(10) < 3)
        {
            return (Assignee.Worker(@case.ReporterId), @case.ReporterId);
        }

        var (department, handler) = directory.Departments[random.Next(directory.Departments.Count)];
        return (Assignee.Department(department), handler);
    }

    /// <summary>Half of the open cases whose deadline has passed have had it breached and recorded.</summary>
    private void MaybeOverdue(Case @case)
    {
        var breachedAt = @case.DueAt is { } due ? Max(due, @case.UpdatedAt) + TimeSpan.FromMinutes(1) : now;
        if (breachedAt < now && random.Next(2) == 0)
        {
            @case.MarkOverdue(breachedAt);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private DateTimeOffset Later(DateTimeOffset at, int minMinutes, int maxMinutes) =>
        at + TimeSpan.FromMinutes(random.Next(minMinutes, maxMinutes));
}
