using Dispatch.Domain.Common;

namespace Dispatch.Domain.Supervision.Rules;

internal sealed class OnlySummonsCanBeAcknowledged(SupervisionOrderKind kind) : IBusinessRule
{
    public bool IsBroken() => kind != SupervisionOrderKind.Summons;

    public string Message => $"Only a summons is acknowledged; this is a {kind} order.";
}
