using System.Diagnostics;
using Dispatch.Node.Hosting;
using Dispatch.Node.Security;
using Microsoft.Extensions.Options;

namespace Dispatch.Node.Tests.Security;

/// <summary>
/// scripts/certs.sh (openssl) makes what a node reads: a CA and node certificates whose names a parent checks. Skipped
/// in effect where openssl is missing (scripts/install-deps.sh installs it).
/// </summary>
public sealed class CertificateScriptTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dispatch-certs-sh-").FullName;

    [Fact]
    public void CertsScript_TwoRuns_SecondKeepsFiles_NodeCertificatesProveOnlyTheirOwnNode()
    {
        if (!File.Exists("/usr/bin/openssl"))
        {
            return;
        }

        Run();
        var made = Directory.GetFiles(_folder).ToDictionary(f => f, File.ReadAllText);
        Assert.Equal(2 + (2 * 4), made.Count);
        Run();
        Assert.All(made, file => Assert.Equal(file.Value, File.ReadAllText(file.Key)));

        var certificates = new NodeCertificates(Options.Create(new NodeOptions
        {
            Tls = new TlsOptions { Certificate = Path.Combine(_folder, "town.crt"), Key = Path.Combine(_folder, "town.key"), Ca = Path.Combine(_folder, "ca.crt") },
        }));
        using var village = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(Path.Combine(_folder, "village-a.crt"));
        Assert.Null(certificates.Refusal(village, new ChildNodeOptions { Id = "village-a" }));
        Assert.Contains("does not name child node village-b", certificates.Refusal(village, new ChildNodeOptions { Id = "village-b" }));
        Assert.Null(certificates.Refusal(village, new ChildNodeOptions { Id = "village-b", CertificateName = "village-a" }));
    }

    private void Run()
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "certs.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, _folder]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"certs.sh failed: {error.Result}");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Dispatch.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Dispatch.sln not found above the test binaries.");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
