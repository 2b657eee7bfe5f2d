using Dispatch.Application.Cases;
using Dispatch.Application.Deadlines;
using Dispatch.Application.Escalation;
using Dispatch.Application.Feed;
using Dispatch.Application.Security;
using Dispatch.Application.Stats;
using Dispatch.Application.Supervision;
using Dispatch.Application.Writing;

namespace Dispatch.Application.Errors;

/// <summary>An id that names nothing on this node. Maps to NOT_FOUND.</summary>
internal sealed class NotFoundException(string what, string id)
    : Exception($"{what} '{id}' was not found.");
