using Dispatch.Application.Cases;
using Dispatch.Application.Deadlines;
using Dispatch.Application.Escalation;
using Dispatch.Application.Feed;
using Dispatch.Application.Security;
using Dispatch.Application.Stats;
using Dispatch.Application.Supervision;
using Dispatch.Application.Writing;

namespace Dispatch.Application.Errors;

/// <summary>The request would take a unique name or code that something else already has. Maps to ALREADY_EXISTS.</summary>
internal sealed class ConflictException(string message) : Exception(message);
