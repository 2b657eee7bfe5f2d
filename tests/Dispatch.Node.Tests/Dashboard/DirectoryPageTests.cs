using Bunit;
using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Grpc.Core;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests.Dashboard;

/// <summary>The directory page's users: an account locked by wrong passwords shows so, and the administrator's button unlocks it.</summary>
public sealed class DirectoryPageTests : DashboardTestBase
{
    [Fact]
    public async Task LockedUser_ShownLocked_UnlockButtonLiftsTheLockout()
    {
        var auth = new AuthService.AuthServiceClient(Node.Channel);
        for (var i = 0; i < 10; i++)
        {
            await Assert.ThrowsAsync<RpcException>(() => auth.LoginAsync(new LoginRequest { UserName = "worker2", Password = "wrong-password" }).ResponseAsync);
        }

        var (context, _) = await SignInAsync("admin");
        context.Services.GetRequiredService<NavigationManager>().NavigateTo("/directory?tab=users");
        var page = context.Render<Dispatch.Node.Dashboard.Pages.Directory>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-test=unlock]")), Patience);
        Assert.Contains("worker2", page.Find("[data-test=unlock]").Closest("tr")!.TextContent, StringComparison.Ordinal);
        Assert.Single(page.FindAll("[data-test=locked]"));

        await page.Find("[data-test=unlock]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-test=locked]")), Patience);
        Assert.NotEmpty((await auth.LoginAsync(new LoginRequest { UserName = "worker2", Password = DemoDirectory.Password })).AccessToken);
    }
}
