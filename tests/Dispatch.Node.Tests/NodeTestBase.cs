using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;

namespace Dispatch.Node.Tests;

/// <summary>A fresh node per test, on the storage the derived class names, with helpers for common steps.</summary>
public abstract class NodeTestBase(StorageKind storage) : IAsyncLifetime
{
    public const string Grid1 = DemoDirectory.AreaTownVillage + "001";
    public const string Grid3 = DemoDirectory.AreaTownVillage + "003";

    protected NodeTestHost Node { get; private set; } = null!;

    public async Task InitializeAsync() => Node = await NodeTestHost.StartAsync(storage, NodeSettings, configureServices: ConfigureServices);

    /// <summary>Settings the test class's nodes start with, over the test defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? NodeSettings => null;

    /// <summary>Adds to (or replaces) the node's services, after the node's own.</summary>
    protected virtual void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    public async Task DisposeAsync() => await Node.DisposeAsync();

    protected static ReportCaseRequest NewReport(string requestId, string grid = Grid1, string category = "0201", string title = "Overflowing bins") => new()
    {
        RequestId = requestId,
        Title = title,
        Description = "Bins at the north gate have not been emptied for two days.",
        CategoryCode = category,
        GridId = grid,
        Location = new Location { Latitude = 39.9, Longitude = 116.4, Address = "North gate, Building 3" },
        Whistle = WhistleClass.Daily,
        HandlingMode = HandlingMode.Split,
        EvidenceRefs = { "https://photos.example/1.jpg" },
    };

    protected static Assignee Sanitation => new() { Kind = AssigneeKind.Department, Id = DemoDirectory.SanitationId.ToString() };

    protected static Timestamp In(TimeSpan from, DateTimeOffset now) => Timestamp.FromDateTimeOffset(now + from);

    /// <summary>Reports as worker1 and accepts and assigns to sanitation as the dispatcher.</summary>
    protected async Task<Case> ReportAcceptAssignAsync(string requestId)
    {
        var worker = await Node.CasesAsAsync("worker1");
        var dispatcher = await Node.CasesAsAsync("dispatcher");
        var reported = (await worker.ReportCaseAsync(NewReport(requestId))).Case;
        var accepted = (await dispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version })).Case;
        return (await dispatcher.AssignCaseAsync(new AssignCaseRequest { CaseId = accepted.Id, ExpectedVersion = accepted.Version, Assignee = Sanitation })).Case;
    }
}
