using System.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// Receives the methods of one service from its generated BindService and maps an endpoint for each.
/// The generated code passes no instance (the service comes from DI per call), so each method is
/// found on <typeparamref name="TService"/> by name and called through an open-instance delegate.
/// </summary>
internal sealed class ServiceMethodBinder<TService>(IEndpointRouteBuilder endpoints, ServerMethodOptions options) : ServiceBinderBase
    where TService : class
{
    private readonly ServiceActivator<TService> _activator = new();

    public List<IEndpointConventionBuilder> Endpoints { get; } = [];

    public HashSet<string> ServiceNames { get; } = [];

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
    {
        var invoke = Find<Func<TService, TRequest, ServerCallContext, Task<TResponse>>>(method, typeof(TRequest), typeof(ServerCallContext));
        UnaryServerMethod<TRequest, TResponse> pipeline = (request, context) =>
        {
            var service = _activator.Create(Services(context), out var created);
            return created ? RunOwnedAsync(service, s => invoke(s, request, context)) : invoke(service, request, context);
        };
        foreach (var registration in options.Interceptors.Reverse())
        {
            var next = pipeline;
            pipeline = (request, context) => registration.Resolve(Services(context)).UnaryServerHandler(request, context, next);
        }

        Map(method, new UnaryServerCallHandler<TRequest, TResponse>(method, options, pipeline).HandleCallAsync);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var invoke = Find<Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>>>(
            method, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
        ClientStreamingServerMethod<TRequest, TResponse> pipeline = (requests, context) =>
        {
            var service = _activator.Create(Services(context), out var created);
            return created ? RunOwnedAsync(service, s => invoke(s, requests, context)) : invoke(service, requests, context);
        };
        foreach (var registration in options.Interceptors.Reverse())
        {
            var next = pipeline;
            pipeline = (requests, context) => registration.Resolve(Services(context)).ClientStreamingServerHandler(requests, context, next);
        }

        Map(method, new ClientStreamingServerCallHandler<TRequest, TResponse>(method, options, pipeline).HandleCallAsync);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var invoke = Find<Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task>>(
            method, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        ServerStreamingServerMethod<TRequest, TResponse> pipeline = (request, responses, context) =>
        {
            var service = _activator.Create(Services(context), out var created);
            return created ? RunOwnedAsync(service, s => invoke(s, request, responses, context)) : invoke(service, request, responses, context);
        };
        foreach (var registration in options.Interceptors.Reverse())
        {
            var next = pipeline;
            pipeline = (request, responses, context) =>
                registration.Resolve(Services(context)).ServerStreamingServerHandler(request, responses, context, next);
        }

        Map(method, new ServerStreamingServerCallHandler<TRequest, TResponse>(method, options, pipeline).HandleCallAsync);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var invoke = Find<Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task>>(
            method, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        DuplexStreamingServerMethod<TRequest, TResponse> pipeline = (requests, responses, context) =>
        {
            var service = _activator.Create(Services(context), out var created);
            return created ? RunOwnedAsync(service, s => invoke(s, requests, responses, context)) : invoke(service, requests, responses, context);
        };
        foreach (var registration in options.Interceptors.Reverse())
        {
            var next = pipeline;
            pipeline = (requests, responses, context) =>
                registration.Resolve(Services(context)).DuplexStreamingServerHandler(requests, responses, context, next);
        }

        Map(method, new DuplexStreamingServerCallHandler<TRequest, TResponse>(method, options, pipeline).HandleCallAsync);
    }

    private static IServiceProvider Services(ServerCallContext context) => context.GetHttpContext().RequestServices;

    private static TDelegate Find<TDelegate>(IMethod method, params Type[] parameterTypes)
        where TDelegate : Delegate
    {
        var info = typeof(TService).GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance, parameterTypes) ??
            throw new InvalidOperationException($"Could not find '{method.Name}' on service type {typeof(TService)}.");
        return info.CreateDelegate<TDelegate>();
    }

    private static async Task<T> RunOwnedAsync<T>(TService service, Func<TService, Task<T>> run)
    {
        try
        {
            return await run(service).ConfigureAwait(false);
        }
        finally
        {
            await ServiceActivator<TService>.ReleaseAsync(service).ConfigureAwait(false);
        }
    }

    private static async Task RunOwnedAsync(TService service, Func<TService, Task> run)
    {
        try
        {
            await run(service).ConfigureAwait(false);
        }
        finally
        {
            await ServiceActivator<TService>.ReleaseAsync(service).ConfigureAwait(false);
        }
    }

    private void Map(IMethod method, RequestDelegate handler)
    {
        ServiceNames.Add(method.ServiceName);
        Endpoints.Add(endpoints.MapPost(method.FullName, handler)
            .WithDisplayName($"gRPC - {method.FullName}")
            .WithMetadata(new GrpcMethodMetadata(typeof(TService), method)));
    }
}
