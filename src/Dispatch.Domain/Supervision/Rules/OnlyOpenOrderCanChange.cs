using Dispatch.Domain.Common;

namespace Dispatch.Domain.Supervision.Rules;

internal sealed class OnlyOpenOrderCanChange(SupervisionOrderStatus status) : IBusinessRule
{
    public bool IsBroken() => status != SupervisionOrderStatus.Open;

    public string Message => $"The order is {status}, no longer open.";
}
