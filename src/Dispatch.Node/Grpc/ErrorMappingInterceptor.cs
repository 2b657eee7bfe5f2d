using Dispatch.Domain.Common;
using Dispatch.Node.Application.Errors;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Node.Grpc;

/// <summary>
/// The one place where domain and application errors become gRPC statuses (see DESIGN.md): bad field
/// INVALID_ARGUMENT, unknown id NOT_FOUND, illegal transition FAILED_PRECONDITION, out of scope
/// PERMISSION_DENIED, stale version ABORTED. Services and the domain never throw RpcException.
/// </summary>
internal sealed class ErrorMappingInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ToStatus(ex) is { } status)
        {
            throw new RpcException(status);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ToStatus(ex) is { } status)
        {
            throw new RpcException(status);
        }
    }

    internal static Status? ToStatus(Exception error) => error switch
    {
        DomainValidationException invalid => new Status(StatusCode.InvalidArgument, $"{invalid.Field}: {invalid.Message}"),
        DomainRuleException rule => new Status(StatusCode.FailedPrecondition, $"{rule.Rule}: {rule.Message}"),
        InvalidRequestException invalid => new Status(StatusCode.InvalidArgument, invalid.Message),
        NotFoundException notFound => new Status(StatusCode.NotFound, notFound.Message),
        AccessDeniedException denied => new Status(StatusCode.PermissionDenied, denied.Message),
        StaleVersionException stale => new Status(StatusCode.Aborted, stale.Message),
        DbUpdateConcurrencyException => new Status(StatusCode.Aborted, "The case was changed by someone else; reload it and retry."),
        _ => null,
    };
}
