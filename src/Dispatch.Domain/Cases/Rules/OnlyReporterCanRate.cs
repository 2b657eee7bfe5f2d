using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

internal sealed class OnlyReporterCanRate(Guid reporterId, Guid actorId) : IBusinessRule
{
    public bool IsBroken() => reporterId != actorId;

    public string Message => $"Only the reporter can rate this case; user {actorId} did not report it.";
}
