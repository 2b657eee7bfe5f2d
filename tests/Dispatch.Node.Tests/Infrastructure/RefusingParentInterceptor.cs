using System.Collections.Concurrent;
using Dispatch.Contracts.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dispatch.Node.Tests.Infrastructure;

/// <summary>
/// Makes a parent refuse the escalations of chosen cases (by title) with a chosen status, as a parent does
/// when it cannot take a message (an unknown category, a grid it does not serve), and counts every Escalate
/// call per title, refused or not.
/// </summary>
internal sealed class RefusingParentInterceptor : Interceptor
{
    private readonly ConcurrentDictionary<string, Status> _refusals = new();
    private readonly ConcurrentDictionary<string, int> _calls = new();

    public void Refuse(string title, StatusCode code, string detail) => _refusals[title] = new Status(code, detail);

    /// <summary>The cause is fixed: escalations with this title are taken from now on.</summary>
    public void Allow(string title) => _refusals.TryRemove(title, out _);

    /// <summary>Escalate calls received for cases with this title.</summary>
    public int EscalateCalls(string title) => _calls.GetValueOrDefault(title);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (request is EscalateRequest escalation)
        {
            _calls.AddOrUpdate(escalation.Title, 1, (_, n) => n + 1);
            if (_refusals.TryGetValue(escalation.Title, out var refusal))
            {
                throw new RpcException(refusal);
            }
        }

        return await continuation(request, context);
    }
}
