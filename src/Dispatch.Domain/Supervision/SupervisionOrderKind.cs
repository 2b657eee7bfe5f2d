namespace Dispatch.Domain.Supervision;

public enum SupervisionOrderKind
{
    /// <summary>Opened at the supervising tier because the case missed its deadline (or a summons went unanswered).</summary>
    Breach = 1,

    /// <summary>A department summoned to a case, which must acknowledge in time ("the street blows the whistle").</summary>
    Summons = 2,
}
