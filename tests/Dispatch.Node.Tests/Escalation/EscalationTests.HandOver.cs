using Dispatch.Application.Escalation;
using Dispatch.Application.Writing;
using Dispatch.Contracts.V1;
using Dispatch.Data;
using Dispatch.Node.Escalation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Dispatch.Node.Tests.Infrastructure.EscalationCases;

namespace Dispatch.Node.Tests.Escalation;

// The writer hands the relay the messages it commits, so an escalation goes out without the relay reading the
// outbox, also one whose case the batch did not load (the writer reads where the case went). The clocks stand still
// in these tests: the relay's once-a-second read never comes, so a message not handed over would never be sent.
public abstract partial class EscalationTests
{
    private OutboxRelay VillageRelay => _cluster.Village.Services.GetServices<IHostedService>().OfType<OutboxRelay>().Single();

    [Fact]
    public async Task Escalate_IsSentAsHandedOver_WithoutReadingTheOutbox()
    {
        var worker = await _cluster.Village.CasesAsAsync("worker1");
        var dispatcher = await _cluster.Village.CasesAsAsync("dispatcher");
        var reads = await StartupReadAsync();

        var reported = (await worker.ReportCaseAsync(Report("handed-over"))).Case;
        await dispatcher.EscalateCaseAsync(new EscalateCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Reason = "Town must handle." });
        var linked = await _cluster.EventuallyAsync(() => LinkedAsync(dispatcher, reported.Id), "the escalation to be delivered", moveClocks: false);

        var townDispatcher = await _cluster.Town.CasesAsAsync("dispatcher");
        Assert.Equal((await FindByOriginAsync(townDispatcher, reported.Id))!.Id, linked.ParentCaseId);
        Assert.Equal(reads, VillageRelay.PagesRead);
    }

    [Fact]
    public async Task MessageOfACaseTheBatchDidNotLoad_IsHandedOverToo_AndSent()
    {
        var worker = await _cluster.Village.CasesAsAsync("worker1");
        var reads = await StartupReadAsync();
        var reported = (await worker.ReportCaseAsync(Report("not-loaded"))).Case;

        // Staged from a copy of the case read elsewhere: the writer's batch does not track it.
        var services = _cluster.Village.Services;
        Domain.Cases.Case copy;
        await using (var context = await services.GetRequiredService<IDbContextFactory<DispatchDbContext>>().CreateDbContextAsync())
        {
            copy = await context.Cases.AsNoTracking().SingleAsync(c => c.Id == Guid.Parse(reported.Id));
        }

        var outbox = services.GetRequiredService<EscalationOutbox>();
        await services.GetRequiredService<CaseWriter>().WriteAsync(
            (DispatchDbContext context) =>
            {
                outbox.Escalate(context, copy, "Staged without the case.", _cluster.Village.Clock.GetUtcNow());
                return Task.FromResult(true);
            },
            CancellationToken.None);

        var townDispatcher = await _cluster.Town.CasesAsAsync("dispatcher");
        var atTown = await _cluster.EventuallyAsync(() => FindByOriginAsync(townDispatcher, reported.Id), "the staged escalation to reach the town", moveClocks: false);
        Assert.Equal(reported.Title, atTown.Title);
        Assert.Equal(reads, VillageRelay.PagesRead);
    }

    /// <summary>The relay's read at start (the outbox may hold messages from before); returns the pages read by then.</summary>
    private async Task<long> StartupReadAsync()
    {
        await _cluster.EventuallyAsync(() => Task.FromResult(VillageRelay.PagesRead > 0 ? VillageRelay : null), "the relay's first read", moveClocks: false);
        return VillageRelay.PagesRead;
    }
}
