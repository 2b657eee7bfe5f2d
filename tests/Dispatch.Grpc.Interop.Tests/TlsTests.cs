using Dispatch.Grpc.Interop.Tests.Fixtures;

namespace Dispatch.Grpc.Interop.Tests;

/// <summary>grpcio (C-core's TLS) against a node with a certificate: it signs in and reports over TLS; plain text gets nowhere.</summary>
[Collection(TlsInteropNodeCollection.Name)]
public sealed class TlsTests(TlsInteropNode node)
{
    [Fact]
    public async Task Login_OverTls_ReturnsToken()
    {
        var result = await node.RunCaseAsync("login");

        ResultAssert.Status("OK", result);
        Assert.True(result.GetProperty("token_length").GetInt32() > 0);
    }

    [Fact]
    public async Task ReportCase_OverTls_Created()
    {
        var result = await node.RunCaseAsync("report-case");

        Assert.True(result.GetProperty("created").GetBoolean());
    }

    [Fact]
    public async Task Login_PlainTextToTlsPort_Unavailable()
    {
        var result = await node.RunCaseAsync("login", plainText: true);

        ResultAssert.Status("UNAVAILABLE", result);
    }
}
