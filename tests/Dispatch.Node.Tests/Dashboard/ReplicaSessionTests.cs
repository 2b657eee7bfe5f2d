using Dispatch.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Dispatch.Node.Tests.Infrastructure;

namespace Dispatch.Node.Tests.Dashboard;

/// <summary>Replicas of one node behind a load balancer: a browser signed in at one is signed in at the other.</summary>
public sealed class ReplicaSessionTests() : NodeTestBase(StorageKind.Postgres)
{
    [Fact]
    public async Task CookieFromOneReplica_IsAcceptedByTheOther_AndSurvivesARestart()
    {
        await using var replica = await Node.StartReplicaAsync();
        using var browser = WebPort.Open(Node);
        await WebPort.SignInAsync(browser, "dispatcher");

        // The key that protects the cookie is in the node's database, where every replica reads it (not on one machine's disk).
        await using (var db = await Node.Services.GetRequiredService<IDbContextFactory<DispatchDbContext>>().CreateDbContextAsync())
        {
            Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
        }

        using var atReplica = await browser.GetAsync(new Uri(replica.WebAddress, "/"));
        Assert.Equal(HttpStatusCode.OK, atReplica.StatusCode);

        await Node.StopAsync();
        await Node.RestartAsync();
        using var afterRestart = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, afterRestart.StatusCode);
    }
}
