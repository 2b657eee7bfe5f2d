using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Categories;
using Dispatch.Domain.Common;
using Dispatch.Domain.Geography;

namespace Dispatch.Domain.Cases;

/// <summary>
/// One reported problem and its closed loop. State changes only through methods; each method validates
/// its input, then checks the lifecycle and rules, and only then changes anything, so a call that throws
/// leaves the case as it was. Every change appends one <see cref="CaseEvent"/> and increments
/// <see cref="Version"/>, so the version always equals the sequence of the last event.
/// </summary>
public sealed partial class Case
{
    private readonly List<string> _evidenceRefs = [];
    private readonly List<CaseEvent> _history = [];

#pragma warning disable CS8618 // EF Core materialises cases through this constructor and sets every property.
    private Case()
    {
    }
#pragma warning restore CS8618

    private Case(CaseReport report, DateTimeOffset now)
    {
        Id = report.Id;
        Number = report.Number;
        RequestId = report.RequestId;
        Title = report.Title;
        Description = report.Description ?? string.Empty;
        CategoryCode = report.CategoryCode;
        GridId = report.GridId;
        Location = report.Location;
        Whistle = report.Whistle;
        HandlingMode = report.HandlingMode;
        ReporterId = report.ReporterId;
        Status = CaseStatus.Reported;
        ReportedAt = now;
        UpdatedAt = now;
        DueAt = report.DueAt;
        RemindAt = report.DueAt is null ? null : report.RemindAt;
        AddEvidence(report.EvidenceRefs);
    }

    /// <summary>
    /// Creates a case from a report. With <see cref="HandlingMode.Immediate"/> the reporter has already
    /// fixed the problem on the spot: the case is assigned to and resolved by the reporter at once and
    /// waits for verification by someone else.
    /// </summary>
    public static Case Report(CaseReport report, CategoryCatalogue catalogue, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(catalogue);
        CaseInput.Report(report, catalogue, now);

        var reported = new Case(report, now);
        reported.Append(CaseEventType.CaseReported, report.ReporterId, now, from: null, note: null, report.EvidenceRefs);
        if (report.HandlingMode == HandlingMode.Immediate)
        {
            var from = reported.EnsureTransition(CaseAction.ResolveOnTheSpot, CaseStatus.Resolved);
            reported.Assignee = Assignee.Worker(report.ReporterId);
            reported.Status = CaseStatus.Resolved;
            reported.ResolvedBy = report.ReporterId;
            reported.ResolvedAt = now;
            reported.Append(CaseEventType.CaseResolved, report.ReporterId, now, from, "Resolved on the spot by the reporter.");
        }

        return reported;
    }

    /// <summary>Fails with <c>IllegalTransition</c> unless the lifecycle allows it; returns the current status.</summary>
    private CaseStatus EnsureTransition(CaseAction action, CaseStatus to)
    {
        Check.Rule(new IllegalTransition(action, Status, to));
        return Status;
    }

    /// <summary>Records a change that has just been applied to the state.</summary>
    private void Append(CaseEventType type, Guid? actorId, DateTimeOffset now, CaseStatus? from, string? note, IReadOnlyList<string>? evidenceRefs = null, int? satisfaction = null)
    {
        Version++;
        UpdatedAt = now;
        NextAlarmAt = NextAlarm();
        _history.Add(new CaseEvent(this, type, actorId, now, from, note, evidenceRefs ?? [], satisfaction));
    }

    private void AddEvidence(IReadOnlyList<string>? evidenceRefs)
    {
        foreach (var reference in evidenceRefs ?? [])
        {
            if (!_evidenceRefs.Contains(reference))
            {
                _evidenceRefs.Add(reference);
            }
        }
    }
}
