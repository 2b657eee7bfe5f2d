using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;

namespace Dispatch.Node.Grpc;

/// <summary>Adds each method of a generated service to the endpoint model with a request marshaller that turns unparseable bytes into INVALID_ARGUMENT.</summary>
internal sealed class StrictRequestBinder<TService>(ServiceMethodProviderContext<TService> context, Type declaringType) : ServiceBinderBase
    where TService : class
{
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
        context.AddUnaryMethod(Strict(method), Metadata(method.Name, [typeof(TRequest), typeof(ServerCallContext)], out var invoker), Invoker<UnaryServerMethod<TService, TRequest, TResponse>>(invoker));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
        context.AddServerStreamingMethod(Strict(method), Metadata(method.Name, [typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)], out var invoker), Invoker<ServerStreamingServerMethod<TService, TRequest, TResponse>>(invoker));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
        context.AddClientStreamingMethod(Strict(method), Metadata(method.Name, [typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext)], out var invoker), Invoker<ClientStreamingServerMethod<TService, TRequest, TResponse>>(invoker));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
        context.AddDuplexStreamingMethod(Strict(method), Metadata(method.Name, [typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)], out var invoker), Invoker<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(invoker));

    private static Method<TRequest, TResponse> Strict<TRequest, TResponse>(Method<TRequest, TResponse> method)
    {
        var inner = method.RequestMarshaller;
        var name = typeof(TRequest).Name;
        var requests = new Marshaller<TRequest>(
            inner.ContextualSerializer,
            deserialization =>
            {
                try
                {
                    return inner.ContextualDeserializer(deserialization);
                }
                catch (InvalidProtocolBufferException)
                {
                    throw new RpcException(new Status(StatusCode.InvalidArgument, $"The request is not a valid {name} message."));
                }
            });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, requests, method.ResponseMarshaller);
    }

    private static TDelegate Invoker<TDelegate>(MethodInfo handler)
        where TDelegate : Delegate => (TDelegate)Delegate.CreateDelegate(typeof(TDelegate), handler);

    /// <summary>The service's override of the generated method (or the generated one, which answers UNIMPLEMENTED) and its endpoint metadata: the service's attributes, then the method's, then POST only.</summary>
    private List<object> Metadata(string name, Type[] parameters, out MethodInfo handler)
    {
        handler = Handler(name, parameters) ?? throw new InvalidOperationException($"Could not find '{name}' on {typeof(TService)}.");
        List<object> metadata = [.. typeof(TService).GetCustomAttributes(inherit: true), .. handler.GetCustomAttributes(inherit: true)];
        metadata.Add(new HttpMethodMetadata(["POST"], acceptCorsPreflight: true));
        return metadata;
    }

    private MethodInfo? Handler(string name, Type[] parameters)
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            var method = type.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, binder: null, parameters, modifiers: null);
            if (method is null)
            {
                return null;
            }

            if (method.IsVirtual && method.GetBaseDefinition().DeclaringType == declaringType)
            {
                return method;
            }
        }

        return null;
    }
}
