using Dispatch.Application.Cases;
using Dispatch.Application.Deadlines;
using Dispatch.Application.Escalation;
using Dispatch.Application.Feed;
using Dispatch.Application.Security;
using Dispatch.Application.Stats;
using Dispatch.Application.Supervision;
using Dispatch.Application.Writing;

namespace Dispatch.Application.Errors;

/// <summary>A request field the transport layer rejects before the domain sees it. Maps to INVALID_ARGUMENT.</summary>
internal sealed class InvalidRequestException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
}
