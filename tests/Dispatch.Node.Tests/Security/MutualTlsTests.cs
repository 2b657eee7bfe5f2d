using System.Security.Cryptography.X509Certificates;
using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;
using Dispatch.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dispatch.Node.Tests.Security;

/// <summary>
/// Nodes with certificates: every port speaks TLS, a parent admits a child only with a node credential and a client
/// certificate from the trusted authority that names that child, and users (grid workers) need no certificate.
/// </summary>
public sealed class MutualTlsTests(MutualTlsCluster fixture) : IClassFixture<MutualTlsCluster>
{
    private ClusterTestHost Cluster => fixture.Cluster;

    [Fact]
    public async Task Escalate_ChildToParentOverMutualTls_ArrivesAndLinks()
    {
        Assert.Equal("https", Cluster.Town.Address.Scheme);
        var worker = await Cluster.Village.CasesAsAsync("worker1");
        var dispatcher = await Cluster.Village.CasesAsAsync("dispatcher");
        var reported = (await worker.ReportCaseAsync(EscalationCases.Report("mtls-escalate"))).Case;
        await dispatcher.EscalateCaseAsync(new EscalateCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Reason = "Town must handle." });

        var townDispatcher = await Cluster.Town.CasesAsAsync("dispatcher");
        var atTown = await Cluster.EventuallyAsync(() => EscalationCases.FindByOriginAsync(townDispatcher, reported.Id), "the escalation at the town");
        var linked = await Cluster.EventuallyAsync(() => EscalationCases.LinkedAsync(dispatcher, reported.Id), "the village's case linked to the town's");
        Assert.Equal(atTown.Id, linked.ParentCaseId);
    }

    [Fact]
    public async Task GridWorker_NoClientCertificate_ReportsOverTls()
    {
        var worker = await Cluster.Village.CasesAsAsync("worker1");

        var reported = (await worker.ReportCaseAsync(EscalationCases.Report("mtls-worker"))).Case;

        Assert.Equal(CaseStatus.Reported, reported.Status);
    }

    [Fact]
    public async Task EscalationService_AnotherChildsCertificate_PermissionDeniedNothingWritten()
    {
        // The district registers both the town and the village (its emergency link): the village's credential
        // presented with the town's certificate is refused.
        using var townCertificate = X509Certificate2.CreateFromPemFile(fixture.Certificates.CertificatePath("town"), fixture.Certificates.KeyPath("town"));

        var origin = Guid.NewGuid();
        await RpcAssert.FailsAsync(
            StatusCode.PermissionDenied,
            () => EscalateAsVillageAsync(Cluster.District, origin, townCertificate),
            "does not name child node village", "expected 'village'");

        await AssertNothingArrivedAsync(Cluster.District, origin);
    }

    [Fact]
    public async Task EscalationService_NoClientCertificate_PermissionDeniedNothingWritten()
    {
        var origin = Guid.NewGuid();
        await RpcAssert.FailsAsync(
            StatusCode.PermissionDenied,
            () => EscalateAsVillageAsync(Cluster.Town, origin, client: null),
            "need the child node's client certificate");

        await AssertNothingArrivedAsync(Cluster.Town, origin);
    }

    [Fact]
    public async Task EscalationService_CertificateFromAnotherAuthority_PermissionDeniedNothingWritten()
    {
        using var foreign = TestCertificates.Create("Some other CA");
        using var impostor = foreign.Issue("village");

        var origin = Guid.NewGuid();
        await RpcAssert.FailsAsync(
            StatusCode.PermissionDenied,
            () => EscalateAsVillageAsync(Cluster.Town, origin, impostor),
            "is not trusted for node links");

        await AssertNothingArrivedAsync(Cluster.Town, origin);
    }

    [Fact]
    public async Task EscalationService_OwnCertificateAndCredential_Accepted()
    {
        using var village = X509Certificate2.CreateFromPemFile(fixture.Certificates.CertificatePath("village"), fixture.Certificates.KeyPath("village"));

        var answer = await EscalateAsVillageAsync(Cluster.Town, Guid.NewGuid(), village);

        Assert.True(answer.Created);
    }

    [Fact]
    public async Task PlainTextClient_TlsGrpcPort_CannotCall()
    {
        using var plain = GrpcChannel.ForAddress($"http://127.0.0.1:{Cluster.Town.Address.Port}");

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new AuthService.AuthServiceClient(plain).LoginAsync(new LoginRequest { UserName = "worker1", Password = "x" }).ResponseAsync);

        // The server waits for a TLS hello and drops the connection: the client never gets an HTTP/2 session.
        Assert.True(error.StatusCode is StatusCode.Internal or StatusCode.Unavailable, $"{error.StatusCode}: {error.Status.Detail}");
    }

    [Fact]
    public async Task WebPort_ServesHttpsOnly()
    {
        using var https = new HttpClient(new SocketsHttpHandler { SslOptions = TestCertificates.SslOptions(fixture.Certificates.CaPath) });
        using var plain = new HttpClient();
        var web = Cluster.Town.WebAddress;
        Assert.Equal("https", web.Scheme);

        using var page = await https.GetAsync(new Uri(web, "/signin"));

        page.EnsureSuccessStatusCode();
        await Assert.ThrowsAsync<HttpRequestException>(() => plain.GetAsync(new UriBuilder(web) { Scheme = "http", Path = "/signin" }.Uri));
    }

    /// <summary>Calls <paramref name="parent"/>'s escalation service with the village's credential over a channel presenting <paramref name="client"/>.</summary>
    private async Task<EscalateResponse> EscalateAsVillageAsync(NodeTestHost parent, Guid origin, X509Certificate2? client)
    {
        using var channel = GrpcChannel.ForAddress(parent.Address, TestCertificates.ChannelOptions(fixture.Certificates.CaPath, client));
        var credential = NodeToken.Create("village", parent == Cluster.District ? "district" : "town", MutualTlsCluster.ChildKey(parent, "village"), parent.Clock.GetUtcNow());
        var report = EscalationCases.Report(origin.ToString());
        return await new EscalationService.EscalationServiceClient(channel).EscalateAsync(
            new EscalateRequest
            {
                OriginCaseId = origin.ToString(),
                OriginCaseNumber = "C-20261124-" + origin.ToString("N")[..8].ToUpperInvariant(),
                Title = report.Title,
                CategoryCode = report.CategoryCode,
                GridId = report.GridId,
                Location = report.Location,
                Whistle = report.Whistle,
                HandlingMode = report.HandlingMode,
                Reason = "Direct call.",
            },
            new Metadata { { "authorization", "Bearer " + credential } });
    }

    private static async Task AssertNothingArrivedAsync(NodeTestHost parent, Guid origin)
    {
        var dispatcher = await parent.CasesAsAsync("dispatcher");
        Assert.Null(await EscalationCases.FindByOriginAsync(dispatcher, origin.ToString()));
    }
}
