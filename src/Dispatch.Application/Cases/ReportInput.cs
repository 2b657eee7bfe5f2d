using Dispatch.Domain.Cases;
using Dispatch.Domain.Geography;

namespace Dispatch.Application.Cases;

/// <summary>What a reporter sends; the node adds the id, number and reporter.</summary>
internal sealed record ReportInput(
    string RequestId,
    string Title,
    string? Description,
    string CategoryCode,
    GridId GridId,
    Location Location,
    WhistleClass Whistle,
    HandlingMode HandlingMode,
    IReadOnlyList<string> EvidenceRefs)
{
    public CaseReport ToReport(Guid id, string number, Guid reporterId) => new()
    {
        Id = id,
        Number = number,
        RequestId = RequestId,
        Title = Title,
        Description = Description,
        CategoryCode = CategoryCode,
        GridId = GridId,
        Location = Location,
        Whistle = Whistle,
        HandlingMode = HandlingMode,
        ReporterId = reporterId,
        EvidenceRefs = EvidenceRefs,
    };
}
