using Dispatch.Application.Errors;
using Dispatch.Application.Writing;
using Dispatch.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Cases;

/// <summary>
/// A report under a request id its reporter already used. The same report again (a client's retry) is answered with the
/// case the first one made; other content under that id is refused, so a new report is never taken for an old one. The
/// report is compared with the case as it was reported: the fields only a report sets (they never change afterwards),
/// and the evidence its report event carries (later steps add evidence to the case, not to that event).
/// </summary>
internal static class RepeatedReport
{
    /// <summary>The fields only a report sets, by their contract names.</summary>
    private static readonly (string Field, Func<Case, object> Value)[] ReportedFields =
    [
        ("title", c => c.Title),
        ("description", c => c.Description),
        ("category_code", c => c.CategoryCode),
        ("grid_id", c => c.GridId),
        ("location", c => c.Location),
        ("whistle", c => c.Whistle),
        ("handling_mode", c => c.HandlingMode),
    ];

    /// <summary>Fails with ALREADY_EXISTS, naming the fields that differ, unless <paramref name="retry"/> reports what <paramref name="existing"/> was reported with.</summary>
    public static async Task EnsureSameAsync(WriteBatch batch, Case existing, Case retry)
    {
        // A case of this batch has its history in memory; one read from the database was read without it.
        var reportedEvidence = existing.History.Count > 0
            ? existing.History[0].EvidenceRefs
            : await batch.Context.CaseEvents.Where(e => e.CaseId == existing.Id && e.Sequence == 1).Select(e => e.EvidenceRefs).FirstAsync();
        var differing = ReportedFields.Where(f => !Equals(f.Value(existing), f.Value(retry))).Select(f => f.Field).ToList();
        if (!reportedEvidence.ToHashSet(StringComparer.Ordinal).SetEquals(retry.History[0].EvidenceRefs))
        {
            differing.Add("evidence_refs");
        }

        if (differing.Count > 0)
        {
            throw new ConflictException(
                $"request_id {Domain.Common.ClientValue.Quote(retry.RequestId)} was already used for case {existing.Number}, with different content " +
                $"({string.Join(", ", differing)}): a retry must repeat the report unchanged, and a new report needs a new request_id.");
        }
    }
}
