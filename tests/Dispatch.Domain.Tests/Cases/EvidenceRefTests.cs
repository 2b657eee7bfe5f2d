using Dispatch.Domain.Cases;
using Dispatch.Domain.Cases.Rules;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Cases;

public sealed class EvidenceRefTests
{
    [Theory]
    [InlineData("https://evidence.example.org/cases/1.jpg")]
    [InlineData("http://10.0.0.7:8080/photos/1.jpg?size=large")]
    [InlineData("https://evidence.example.org/%E4%B8%AD.jpg")]
    [InlineData("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("sha256:0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF")]
    public void Resolve_UrlOrHashEvidence_IsKept(string reference)
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.InProgress);

        target.Resolve(Actors.Worker, Moments.Hours(1), "Fixed", [reference]);

        Assert.Contains(reference, target.EvidenceRefs);
        Assert.Equal([reference], target.History[^1].EvidenceRefs);
    }

    [Fact]
    public void Resolve_Sha512Evidence_IsKept()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.InProgress);

        target.Resolve(Actors.Worker, Moments.Hours(1), "Fixed", [Evidence.Sha512]);

        Assert.Contains(Evidence.Sha512, target.EvidenceRefs);
    }

    [Theory]
    [InlineData("photo.jpg")]
    [InlineData("/uploads/photo.jpg")]
    [InlineData("ftp://files.example.org/photo.jpg")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://evidence example.org/photo.jpg")]
    [InlineData("https:///photo.jpg")]
    [InlineData("sha256:abc")]
    [InlineData("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg")]
    [InlineData("SHA256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("md5:0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Resolve_EvidenceThatIsNeitherUrlNorHash_IsRejectedAndNothingChanges(string reference)
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.InProgress);

        var error = DomainAssert.RejectsInput(target, "evidenceRefs[1]",
            () => target.Resolve(Actors.Worker, Moments.Hours(1), "Fixed", [Evidence.Sha256, reference]));

        Assert.Equal(nameof(EvidenceRefMustBeUrlOrHash), error.Rule);
        Assert.DoesNotContain(Evidence.Sha256, target.EvidenceRefs);
    }

    [Fact]
    public void Verify_TooManyEvidenceRefs_IsRejected()
    {
        var target = new CaseBuilder().BuildIn(CaseStatus.Resolved);
        var tooMany = Enumerable.Range(0, 21).Select(i => $"https://e.example/{i}.jpg").ToList();

        DomainAssert.RejectsInput(target, "evidenceRefs", () => target.Verify(Actors.Reporter, Moments.Hours(1), passed: true, evidenceRefs: tooMany));
    }
}
