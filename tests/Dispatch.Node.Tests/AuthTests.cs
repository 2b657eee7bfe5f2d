using Dispatch.Contracts.V1;
using Dispatch.Node.Security;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Dispatch.Node.Tests;

/// <summary>
/// Sign-in and the bearer token: wrong credentials, missing, malformed, forged, foreign and expired
/// tokens are all UNAUTHENTICATED and change nothing; only sign-in and health are open.
/// </summary>
public abstract class AuthTests(StorageKind storage) : ScenarioTestBase(storage)
{
    private const string Issuer = "dispatch-node:test-node";
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(8);

    private AuthService.AuthServiceClient Auth => new(Node.Channel);

    private SymmetricSecurityKey NodeKey => Node.Services.GetRequiredService<SigningKey>().Key;

    [Fact]
    public async Task Login_DemoUser_ReturnsTokenWithRoleScopeAndEightHourExpiry()
    {
        var response = await Auth.LoginAsync(new LoginRequest { UserName = "worker1", Password = DemoDirectory.Password });

        Assert.NotEmpty(response.AccessToken);
        Assert.Equal(Role.GridWorker, response.Role);
        Assert.Equal([Grid1, Grid2], response.GridIds);
        Assert.Equal(Node.Clock.GetUtcNow() + TokenLifetime, response.ExpiresAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task Login_WrongPasswordAndUnknownUser_SameUnauthenticatedMessageThatSaysNeitherWhich()
    {
        var wrongPassword = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, Auth.LoginAsync(new LoginRequest { UserName = "worker1", Password = "dispatch-demo!" }));
        var unknownUser = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, Auth.LoginAsync(new LoginRequest { UserName = "worker9", Password = DemoDirectory.Password }));

        Assert.Equal(wrongPassword.Status.Detail, unknownUser.Status.Detail);
        Assert.DoesNotContain("worker", wrongPassword.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("not found", wrongPassword.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("exist", wrongPassword.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_PasswordOfAnotherUser_Unauthenticated()
    {
        var admin = await Node.DirectoryAsAsync("admin");
        await admin.UpsertUserAsync(new UpsertUserRequest
        {
            User = new User { UserName = "worker3", DisplayName = "Grid worker Zhao", Role = Role.GridWorker, GridIds = { Grid3 } },
            Password = "zhao-secret-1",
        });

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, Auth.LoginAsync(new LoginRequest { UserName = "worker1", Password = "zhao-secret-1" }));
    }

    [Theory]
    [InlineData("", "dispatch-demo", "user_name")]
    [InlineData("worker1", "", "password")]
    [InlineData("", "", "user_name")]
    public async Task Login_EmptyField_InvalidArgumentNamingTheField(string userName, string password, string field)
    {
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Auth.LoginAsync(new LoginRequest { UserName = userName, Password = password }), field);

        Assert.StartsWith(field + ":", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_OverlongFields_InvalidArgumentNamingTheField()
    {
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Auth.LoginAsync(new LoginRequest { UserName = new string('u', 65), Password = "x" }), "user_name:");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, Auth.LoginAsync(new LoginRequest { UserName = "worker1", Password = new string('p', 257) }), "password:");
    }

    [Fact]
    public async Task CaseAndDirectoryCalls_WithoutToken_UnauthenticatedSayingWhatIsMissing()
    {
        var earlier = await ReportedAsync();
        var before = await SnapshotAsync(earlier);
        var cases = new CaseService.CaseServiceClient(Node.Channel);
        var directory = new DirectoryService.DirectoryServiceClient(Node.Channel);

        await RpcAssert.FailsAsync("ReportCase", StatusCode.Unauthenticated, () => cases.ReportCaseAsync(NewReport("anonymous")).ResponseAsync, "authorization");
        await RpcAssert.FailsAsync("GetCase", StatusCode.Unauthenticated, () => cases.GetCaseAsync(new GetCaseRequest { CaseId = earlier.Id }).ResponseAsync, "authorization");
        await RpcAssert.FailsAsync("ListCases", StatusCode.Unauthenticated, () => cases.ListCasesAsync(new ListCasesRequest()).ResponseAsync, "authorization");
        await RpcAssert.FailsAsync("AcceptCase", StatusCode.Unauthenticated, () => cases.AcceptCaseAsync(new AcceptCaseRequest { CaseId = earlier.Id, ExpectedVersion = earlier.Version }).ResponseAsync, "authorization");
        await RpcAssert.FailsAsync("ListGrids", StatusCode.Unauthenticated, () => directory.ListGridsAsync(new ListGridsRequest()).ResponseAsync, "authorization");
        await RpcAssert.FailsAsync("UpsertGrid", StatusCode.Unauthenticated, () => directory.UpsertGridAsync(new UpsertGridRequest { Grid = new Grid { Id = "110105001001009", Name = "Grid 9" } }).ResponseAsync, "authorization");
        using (var watch = cases.WatchCases(new WatchCasesRequest()))
        {
            await RpcAssert.FailsAsync("WatchCases", StatusCode.Unauthenticated, () => watch.ResponseStream.ReadAsync(1), "authorization");
        }

        await AssertUnchangedAsync(before);
    }

    [Theory]
    [InlineData("Basic d29ya2VyMTpkaXNwYXRjaC1kZW1v")]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer {token}.{token}")]
    [InlineData("Token {token}")]
    [InlineData("{token}")]
    public async Task Call_MalformedAuthorizationHeader_Unauthenticated(string header)
    {
        var token = await Node.LoginAsync("dispatcher");
        var before = await SnapshotAsync();
        var client = new CaseService.CaseServiceClient(Node.Channel.CreateCallInvoker().WithAuthorization(header.Replace("{token}", token, StringComparison.Ordinal)));

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, client.ReportCaseAsync(NewReport("malformed")));

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Call_TokenCraftedWithTheNodesOwnKey_Accepted()
    {
        // Proves the forgeries below fail for the one thing each changes, not for how they are crafted.
        var claims = TokenForge.IdentityClaimsOf(await Node.LoginAsync("dispatcher"));
        var now = Node.Clock.GetUtcNow();
        var crafted = TokenForge.Create(claims, NodeKey, Issuer, now, now + TimeSpan.FromHours(1));

        var listed = await WithToken(crafted).ListCasesAsync(new ListCasesRequest());

        Assert.Empty(listed.Cases);
    }

    [Fact]
    public async Task Call_TokenSignedWithAnotherKey_UnauthenticatedAndNothingWritten()
    {
        var earlier = await ReportedAsync();
        var before = await SnapshotAsync(earlier);
        var claims = TokenForge.IdentityClaimsOf(await Node.LoginAsync("dispatcher"));
        var now = Node.Clock.GetUtcNow();
        var forged = TokenForge.Create(claims, TokenForge.RandomKey(), Issuer, now, now + TimeSpan.FromHours(1));

        await RpcAssert.FailsAsync(
            StatusCode.Unauthenticated,
            WithToken(forged).AcceptCaseAsync(new AcceptCaseRequest { CaseId = earlier.Id, ExpectedVersion = earlier.Version }),
            "invalid or expired");

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Call_RealTokenWithPayloadEditedToDispatcher_Unauthenticated()
    {
        var earlier = await ReportedAsync();
        var before = await SnapshotAsync(earlier);
        var parts = (await Node.LoginAsync("worker1")).Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"GridWorker\"", "\"Dispatcher\"", StringComparison.Ordinal);
        Assert.Contains("\"Dispatcher\"", payload, StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, WithToken(tampered).AcceptCaseAsync(new AcceptCaseRequest { CaseId = earlier.Id, ExpectedVersion = earlier.Version }));

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Call_UnsignedToken_Unauthenticated()
    {
        var claims = TokenForge.IdentityClaimsOf(await Node.LoginAsync("dispatcher"));
        var now = Node.Clock.GetUtcNow();
        var unsigned = TokenForge.Create(claims, key: null, Issuer, now, now + TimeSpan.FromHours(1));

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, WithToken(unsigned).ListCasesAsync(new ListCasesRequest()));
    }

    [Theory]
    [InlineData("dispatch-node:other-node", "dispatch-node:other-node")]
    [InlineData("dispatch-node:other-node", Issuer)]
    [InlineData(Issuer, "dispatch-node:other-node")]
    public async Task Call_TokenOfAnotherNodeSignedWithTheSameKey_Unauthenticated(string issuer, string audience)
    {
        // Two nodes configured with one shared Node:SigningKey must still not accept each other's tokens.
        var claims = TokenForge.IdentityClaimsOf(await Node.LoginAsync("dispatcher"));
        var now = Node.Clock.GetUtcNow();
        var foreign = TokenForge.Create(claims, NodeKey, issuer, now, now + TimeSpan.FromHours(1), audience);

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, WithToken(foreign).ListCasesAsync(new ListCasesRequest()));
    }

    [Fact]
    public async Task Call_TokenWithoutExpiry_Unauthenticated()
    {
        var claims = TokenForge.IdentityClaimsOf(await Node.LoginAsync("dispatcher"));
        var endless = TokenForge.Create(claims, NodeKey, Issuer, Node.Clock.GetUtcNow(), expires: null);

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, WithToken(endless).ListCasesAsync(new ListCasesRequest()));
    }

    [Fact]
    public async Task Call_TokenNotValidYet_Unauthenticated()
    {
        var claims = TokenForge.IdentityClaimsOf(await Node.LoginAsync("dispatcher"));
        var later = Node.Clock.GetUtcNow() + TimeSpan.FromHours(1);
        var early = TokenForge.Create(claims, NodeKey, Issuer, later, later + TimeSpan.FromHours(1));

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, WithToken(early).ListCasesAsync(new ListCasesRequest()));
    }

    [Fact]
    public async Task Call_TokenJustBeforeItsEightHoursEnd_StillAccepted()
    {
        var dispatcher = await As("dispatcher");

        Node.Clock.Advance(TokenLifetime - TimeSpan.FromSeconds(1));

        Assert.Empty((await dispatcher.ListCasesAsync(new ListCasesRequest())).Cases);
    }

    [Fact]
    public async Task Call_TokenPastItsEightHours_UnauthenticatedAndNothingWritten_UntilSignedInAgain()
    {
        var earlier = await ReportedAsync();
        var dispatcher = await As("dispatcher");
        var before = await SnapshotAsync(earlier);
        // Validated once while fresh (the node remembers a validated token), so expiry must still apply.
        await dispatcher.ListCasesAsync(new ListCasesRequest());

        Node.Clock.Advance(TokenLifetime);

        await RpcAssert.FailsAsync(
            StatusCode.Unauthenticated,
            dispatcher.AcceptCaseAsync(new AcceptCaseRequest { CaseId = earlier.Id, ExpectedVersion = earlier.Version }),
            "expired");
        using (var watch = dispatcher.WatchCases(new WatchCasesRequest()))
        {
            await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => watch.ResponseStream.ReadAsync(1), "expired");
        }

        ForgetSignIns();
        await AssertUnchangedAsync(before);
        var accepted = (await (await As("dispatcher")).AcceptCaseAsync(new AcceptCaseRequest { CaseId = earlier.Id, ExpectedVersion = earlier.Version })).Case;
        Assert.Equal(CaseStatus.Accepted, accepted.Status);
    }

    [Fact]
    public async Task HealthCheck_WithoutToken_Serving()
    {
        var response = await new Health.HealthClient(Node.Channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    private CaseService.CaseServiceClient WithToken(string token) => new(Node.Channel.CreateCallInvoker().WithToken(token));
}

public sealed class AuthSqliteTests() : AuthTests(StorageKind.Sqlite);

public sealed class AuthPostgresTests() : AuthTests(StorageKind.Postgres);
