namespace Dispatch.Domain.Cases;

/// <summary>Size limits on case input; the public contract documents the same numbers.</summary>
public static class CaseLimits
{
    public const int NumberMaxLength = 32;
    public const int RequestIdMaxLength = 128;
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4_000;

    /// <summary>Notes and reasons given with a transition.</summary>
    public const int NoteMaxLength = 2_000;

    /// <summary>Evidence references per call (a report, a resolution, a verification).</summary>
    public const int EvidenceRefsMaxCount = 20;
    public const int EvidenceRefMaxLength = 512;

    public const int SatisfactionMin = 1;
    public const int SatisfactionMax = 5;
}
