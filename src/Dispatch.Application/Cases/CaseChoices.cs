using Dispatch.Domain.Cases;

namespace Dispatch.Application.Cases;

/// <summary>What a caller can do with one case now (a front end's buttons): its moves, rating it, summoning departments to it.</summary>
internal sealed record CaseChoices(IReadOnlySet<CaseAction> Moves, bool Rate, bool Summon)
{
    public bool Can(CaseAction action) => Moves.Contains(action);

    public bool Any => Moves.Count > 0 || Rate || Summon;
}
