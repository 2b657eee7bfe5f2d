using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dispatch.Grpc.Tests.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dispatch.Grpc.Tests.EndToEnd;

public sealed class TlsEndpointTests
{
    [Fact]
    public async Task ListenGrpcWithCertificate_GrpcOverTlsAndHttp1OnOnePort()
    {
        using var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0), certificate));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<TesterProbe>();
        await using var app = builder.Build();
        app.MapGrpcService<TesterService>();
        app.MapGet("/", () => "page");
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;

        var handler = new SocketsHttpHandler { UseProxy = false };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) => cert?.GetCertHashString() == certificate.GetCertHashString();
        using var channel = GrpcChannel.ForAddress($"https://127.0.0.1:{port}", new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            Credentials = ChannelCredentials.SecureSsl,
        });
        var reply = await new Tester.TesterClient(channel).EchoAsync(new EchoRequest { Text = "secure" });
        Assert.Equal("secure", reply.Text);

        using var http1 = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        });
        var page = await http1.GetAsync($"https://127.0.0.1:{port}/");
        Assert.Equal(new Version(1, 1), page.Version);
        Assert.Equal("page", await page.Content.ReadAsStringAsync());
        await app.StopAsync();
    }

    [Fact]
    public void SecureCredentialsWithHttpAddress_Refused()
    {
        Assert.Throws<InvalidOperationException>(() => GrpcChannel.ForAddress("http://127.0.0.1:1", new GrpcChannelOptions { Credentials = ChannelCredentials.SecureSsl }));
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
