using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Node.Tests;

// A request id reused for another report: refused with ALREADY_EXISTS naming request_id and what differs, nothing written;
// a true retry still answers with the first case.
public abstract partial class CaseBadInputTests
{
    private static readonly Dictionary<string, Action<ReportCaseRequest>> OtherContent = new()
    {
        ["title"] = r => r.Title = "Broken street light",
        ["description"] = r => r.Description = "Another problem altogether.",
        ["category_code"] = r => r.CategoryCode = "0301",
        ["grid_id"] = r => r.GridId = Grid2,
        ["location"] = r => r.Location.Address = "South gate",
        ["whistle"] = r => r.Whistle = WhistleClass.Emergency,
        ["handling_mode"] = r => r.HandlingMode = HandlingMode.Joint,
        ["evidence_refs"] = r => r.EvidenceRefs.Add("https://photos.example/2.jpg"),
    };

    [Fact]
    public async Task ReportCase_UsedRequestIdWithOtherContent_AlreadyExistsNamingWhatDiffers_NothingWritten()
    {
        var first = await ReportedAsync("reused");
        var before = await SnapshotAsync(first);
        var worker = await As("worker1");

        foreach (var (field, change) in OtherContent)
        {
            var other = NewReport("reused");
            change(other);
            await RpcAssert.FailsAsync(field, StatusCode.AlreadyExists, () => worker.ReportCaseAsync(other).ResponseAsync, "request_id", "'reused'", first.Number, $"({field})");
        }

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task ReportCase_TrueRetry_AfterTheCaseMoved_AnswersTheFirstCase()
    {
        // The case has moved on (accepted, more evidence at resolution): a retry is compared with what was reported.
        var started = await InProgressAsync("retried");
        var first = (await (await As("sanitation")).ResolveCaseAsync(new ResolveCaseRequest
        {
            CaseId = started.Id, ExpectedVersion = started.Version, Note = "Bins emptied.", EvidenceRefs = { "https://photos.example/after.jpg" },
        })).Case;
        var retry = NewReport("retried");
        retry.EvidenceRefs.Insert(0, retry.EvidenceRefs[0]);

        var answer = await (await As("worker1")).ReportCaseAsync(retry);

        Assert.False(answer.Created);
        Assert.Equal((first.Id, first.Version), (answer.Case.Id, answer.Case.Version));
        Assert.Equal(2, answer.Case.EvidenceRefs.Count);
    }
}
