using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

/// <summary>One rating per closure; reopening the case clears it so the next closure can be rated.</summary>
internal sealed class SatisfactionCanBeGivenOnlyOnce(int? current) : IBusinessRule
{
    public bool IsBroken() => current is not null;

    public string Message => $"The case has already been rated ({current}).";
}
