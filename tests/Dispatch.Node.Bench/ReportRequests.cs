using Dispatch.Contracts.V1;

namespace Dispatch.Node.Bench;

/// <summary>Valid reports for one grid, each with a request id no other call of the run uses.</summary>
internal sealed class ReportRequests(string gridId, string runId)
{
    public const string CategoryCode = "0201";

    public ReportCaseRequest Next(int caller, long sequence) => new()
    {
        RequestId = $"{runId}-{caller}-{sequence}",
        Title = "Uncollected household garbage at the east gate",
        Description = "Bags left beside the bins since yesterday evening.",
        CategoryCode = CategoryCode,
        GridId = gridId,
        Location = new Location { Latitude = 39.9042, Longitude = 116.4074, Address = "East gate, building 3" },
        Whistle = WhistleClass.Daily,
        HandlingMode = HandlingMode.Fast,
    };
}
