using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Dispatch.Node.Tests.Permissions;

/// <summary>
/// Every RPC the node serves, from the generated descriptors: each file of the public contract (Dispatch.Contracts)
/// and the health and reflection services the node maps beside it. Calls any of them with a plain message.
/// </summary>
internal static class MatrixRpcs
{
    public static readonly IReadOnlyDictionary<string, MethodDescriptor> All = Services()
        .SelectMany(s => s.Methods)
        .ToDictionary(m => Name(m), StringComparer.Ordinal);

    /// <summary>Long enough for a slow, shared machine; a passing call never waits for it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static string Name(MethodDescriptor method) => $"{method.Service.FullName}/{method.Name}";

    /// <summary>
    /// Calls the method with <paramref name="request"/> and answers the status it ended with (OK once a unary call
    /// returns or a stream sends its first message).
    /// </summary>
    public static async Task<Status> CallAsync(CallInvoker invoker, MethodDescriptor descriptor, IMessage request)
    {
        var method = MethodOf(descriptor);
        using var patience = new CancellationTokenSource(Patience);
        var options = new CallOptions(cancellationToken: patience.Token);
        try
        {
            switch (method.Type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(method, null, options, request).ResponseAsync;
                    break;
                case MethodType.ServerStreaming:
                {
                    using var call = invoker.AsyncServerStreamingCall(method, null, options, request);
                    await call.ResponseStream.MoveNext(patience.Token);
                    break;
                }

                default:
                {
                    using var call = invoker.AsyncDuplexStreamingCall(method, null, options);
                    await call.RequestStream.WriteAsync(request, patience.Token);
                    await call.RequestStream.CompleteAsync();
                    await call.ResponseStream.MoveNext(patience.Token);
                    break;
                }
            }

            return Status.DefaultSuccess;
        }
        catch (RpcException ex)
        {
            return ex.Status;
        }
    }

    /// <summary>The empty request of the method's input type.</summary>
    public static IMessage EmptyRequest(MethodDescriptor method) => method.InputType.Parser.ParseFrom(ByteString.Empty);

    private static IEnumerable<ServiceDescriptor> Services()
    {
        var contract = typeof(Contracts.V1.CaseService).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>();
        FileDescriptor[] beside = [global::Grpc.Health.V1.HealthReflection.Descriptor, global::Grpc.Reflection.V1Alpha.ReflectionReflection.Descriptor, global::Grpc.Reflection.V1.ReflectionReflection.Descriptor];
        return contract.Concat(beside).SelectMany(f => f.Services).DistinctBy(s => s.FullName);
    }

    private static Method<IMessage, IMessage> MethodOf(MethodDescriptor method)
    {
        var type = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            (true, true) => MethodType.DuplexStreaming,
        };
        return new Method<IMessage, IMessage>(
            type,
            method.Service.FullName,
            method.Name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.InputType.Parser.ParseFrom(bytes)),
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.OutputType.Parser.ParseFrom(bytes)));
    }
}
