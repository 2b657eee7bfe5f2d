using Grpc.Core;
using Grpc.Internal;
using Microsoft.AspNetCore.Http;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// Serves one method: checks the request is gRPC, runs the call and writes its final status. The
/// shape-specific part (how messages are read, the handler invoked and the reply written) is
/// <see cref="HandleCallCoreAsync"/>.
/// </summary>
internal abstract class ServerCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerMethodOptions options)
    where TRequest : class
    where TResponse : class
{
    protected Method<TRequest, TResponse> Method { get; } = method;

    public Task HandleCallAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            return RejectAsync(httpContext, StatusCodes.Status415UnsupportedMediaType, $"Content-Type '{request.ContentType}' is not supported.");
        }

        if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            return RejectAsync(httpContext, StatusCodes.Status426UpgradeRequired, $"Request protocol '{request.Protocol}' is not supported.");
        }

        var call = new HttpContextServerCallContext(httpContext, Method.FullName, options);
        call.Initialize();
        Task handlerTask;
        try
        {
            handlerTask = HandleCallCoreAsync(call);
        }
        catch (Exception ex)
        {
            handlerTask = Task.FromException(ex);
        }

        // Fast path: a handler that finished synchronously on a call without deadline ends without an await.
        if (handlerTask.IsCompletedSuccessfully && call.DeadlineReached is null)
        {
            var end = call.EndCallAsync(null);
            return end.IsCompletedSuccessfully ? Task.CompletedTask : end.AsTask();
        }

        return AwaitCallAsync(call, handlerTask);
    }

    protected abstract Task HandleCallCoreAsync(HttpContextServerCallContext call);

    private static async Task AwaitCallAsync(HttpContextServerCallContext call, Task handlerTask)
    {
        if (call.DeadlineReached is { } deadline && !handlerTask.IsCompleted)
        {
            if (await Task.WhenAny(handlerTask, deadline).ConfigureAwait(false) != handlerTask)
            {
                await call.EndCallOnDeadlineAsync().ConfigureAwait(false);

                // Kestrel reuses the request's objects once this delegate returns, so wait for the
                // handler even though its reply is already complete.
                Exception? late = null;
                try
                {
                    await handlerTask.ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    late = ex;
                }

                await call.EndCallAsync(late).ConfigureAwait(false);
                return;
            }
        }

        Exception? error = null;
        try
        {
            await handlerTask.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        await call.EndCallAsync(error).ConfigureAwait(false);
    }

    private static Task RejectAsync(HttpContext httpContext, int statusCode, string message)
    {
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = "text/plain";
        return httpContext.Response.WriteAsync(message);
    }
}
