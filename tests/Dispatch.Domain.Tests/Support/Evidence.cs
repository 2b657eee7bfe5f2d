namespace Dispatch.Domain.Tests.Support;

/// <summary>Well-formed evidence references.</summary>
internal static class Evidence
{
    public const string Photo = "https://evidence.example.org/cases/photo-1.jpg";
    public const string AfterPhoto = "https://evidence.example.org/cases/after-1.jpg";

    public static readonly string Sha256 = "sha256:" + new string('a', 64);
    public static readonly string Sha512 = "sha512:" + new string('0', 64) + new string('F', 64);
}
