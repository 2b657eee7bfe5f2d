using System.Net;
using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Node.Tests.Limits;

/// <summary>
/// Sign-in throttling: wrong passwords lock the account (stored with it: after a restart and on a replica too) until
/// an administrator unlocks it; failures older than the window stop counting; an address with too many failures is
/// refused for a while, with retry information. Time moves on the node's fake clock.
/// </summary>
public abstract class SignInThrottleTests(StorageKind storage) : ScenarioTestBase(storage)
{
    private const int AccountMaxFailures = 3;
    private const int AddressMaxFailures = 8;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    protected override IReadOnlyDictionary<string, string?> NodeSettings => new Dictionary<string, string?>
    {
        ["Limits:SignIn:AccountMaxFailures"] = AccountMaxFailures.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Limits:SignIn:AccountFailureWindow"] = Window.ToString(),
        ["Limits:SignIn:AddressMaxFailures"] = AddressMaxFailures.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Limits:SignIn:AddressWindow"] = Window.ToString(),
    };

    private AuthService.AuthServiceClient Auth => new(Node.Channel);

    [Fact]
    public async Task Login_RightPasswordAfterTooManyWrongOnes_LockedUntilAnAdminUnlocks()
    {
        var directory = await Node.DirectoryAsAsync("admin");
        await FailAsync("worker2", AccountMaxFailures - 1);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, LoginAsync("worker2", "wrong-password"), "locked", "administrator");

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, LoginAsync("worker2"), "locked", "administrator");
        var locked = (await directory.ListUsersAsync(new ListUsersRequest())).Users.Single(u => u.UserName == "worker2");
        Assert.True(locked.Locked);
        Assert.False((await directory.ListUsersAsync(new ListUsersRequest())).Users.Single(u => u.UserName == "worker1").Locked);

        var unlocked = (await directory.UnlockUserAsync(new UnlockUserRequest { UserId = locked.Id })).User;

        Assert.False(unlocked.Locked);
        Assert.NotEmpty((await LoginAsync("worker2")).AccessToken);
    }

    [Fact]
    public async Task Login_LockedAccount_StaysLockedAfterARestart()
    {
        await FailAsync("worker2", AccountMaxFailures);

        await Node.StopAsync();
        await Node.RestartAsync();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, LoginAsync("worker2"), "locked");
    }

    [Fact]
    public async Task Login_FailuresFurtherApartThanTheWindow_DoNotLock()
    {
        await FailAsync("worker2", AccountMaxFailures - 1);
        Node.Clock.Advance(Window + TimeSpan.FromSeconds(1));
        await FailAsync("worker2", AccountMaxFailures - 1);

        Assert.NotEmpty((await LoginAsync("worker2")).AccessToken);
    }

    [Fact]
    public async Task Login_RightPassword_StartsTheCountAgain()
    {
        await FailAsync("worker2", AccountMaxFailures - 1);
        await LoginAsync("worker2");
        await FailAsync("worker2", AccountMaxFailures - 1);

        Assert.NotEmpty((await LoginAsync("worker2")).AccessToken);
    }

    [Fact]
    public async Task Login_TooManyFailuresFromOneAddress_ResourceExhaustedWithRetryInformationUntilTheyAge()
    {
        // Unknown names lock no account: only the address counts.
        for (var i = 0; i < AddressMaxFailures; i++)
        {
            await RpcAssert.FailsAsync(StatusCode.Unauthenticated, LoginAsync($"nobody{i}"));
        }

        var refused = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, LoginAsync("worker1"), "Too many failed sign-ins", "retry in 900 s");
        Assert.Equal("900000", refused.Trailers.GetValue("grpc-retry-pushback-ms"));

        Node.Clock.Advance(Window);
        Assert.NotEmpty((await LoginAsync("worker1")).AccessToken);
    }

    [Fact]
    public async Task UnlockUser_ByANonAdmin_PermissionDenied_UnknownUser_NotFound_BadId_InvalidArgument()
    {
        var worker2 = await UserIdAsync("worker2");
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, (await Node.DirectoryAsAsync("dispatcher")).UnlockUserAsync(new UnlockUserRequest { UserId = worker2 }));
        var admin = await Node.DirectoryAsAsync("admin");
        await RpcAssert.FailsAsync(StatusCode.NotFound, admin.UnlockUserAsync(new UnlockUserRequest { UserId = Guid.NewGuid().ToString() }));
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, admin.UnlockUserAsync(new UnlockUserRequest { UserId = "not-a-guid" }), "user_id");
    }

    [Fact]
    public async Task SignInPage_LockedAccount_SaysSoWith403_ThrottledAddress_429WithRetryAfter()
    {
        await FailAsync("worker2", AccountMaxFailures);
        using var browser = WebPort.Open(Node);

        var locked = await WebPort.SignInAsync(browser, "worker2");

        Assert.Equal(HttpStatusCode.Forbidden, locked.StatusCode);
        Assert.Contains("an administrator can unlock it", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        for (var i = AccountMaxFailures + 1; i < AddressMaxFailures; i++)
        {
            await RpcAssert.FailsAsync(StatusCode.Unauthenticated, LoginAsync($"nobody{i}"));
        }

        var throttled = await WebPort.SignInAsync(browser, "worker1");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter?.Delta);
        Assert.Contains("Too many failed sign-ins", await throttled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private AsyncUnaryCall<LoginResponse> LoginAsync(string userName, string password = DemoDirectory.Password) =>
        Auth.LoginAsync(new LoginRequest { UserName = userName, Password = password });

    /// <summary>Wrong passwords; the one that locks the account answers PERMISSION_DENIED, the others UNAUTHENTICATED.</summary>
    private async Task FailAsync(string userName, int times)
    {
        for (var i = 1; i <= times; i++)
        {
            await RpcAssert.FailsAsync(i < AccountMaxFailures ? StatusCode.Unauthenticated : StatusCode.PermissionDenied, LoginAsync(userName, "wrong-password"));
        }
    }
}

public sealed class SignInThrottleSqliteTests() : SignInThrottleTests(StorageKind.Sqlite);

public sealed class SignInThrottlePostgresTests() : SignInThrottleTests(StorageKind.Postgres);
