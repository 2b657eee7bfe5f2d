using Dispatch.Contracts.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dispatch.Node.Tests.Cli;

/// <summary>
/// Makes the version the tool read stale: an AcceptCase whose note is <see cref="Note"/> reaches the node with another
/// version than the case has, as when the case changed between the tool's read and its write, so the node answers ABORTED.
/// </summary>
internal sealed class StaleVersionInterceptor : Interceptor
{
    public const string Note = "stale";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (request is AcceptCaseRequest { Note: Note } accept)
        {
            accept.ExpectedVersion++;
        }

        return continuation(request, context);
    }
}
