namespace Grpc.Core;

/// <summary>A service's methods with their handlers, built by the generated <c>BindService(XxxBase)</c>.</summary>
public class ServerServiceDefinition
{
    private readonly IReadOnlyList<Action<ServiceBinderBase>> _bindings;

    private ServerServiceDefinition(IReadOnlyList<Action<ServiceBinderBase>> bindings)
    {
        _bindings = bindings;
    }

    public static Builder CreateBuilder() => new();

    /// <summary>Replays every method and handler into a binder.</summary>
    internal void BindService(ServiceBinderBase binder)
    {
        foreach (var bind in _bindings)
        {
            bind(binder);
        }
    }

    public class Builder
    {
        private readonly List<Action<ServiceBinderBase>> _bindings = [];
        private readonly HashSet<string> _names = [];

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class => Add(method, binder => binder.AddMethod(method, handler));

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class => Add(method, binder => binder.AddMethod(method, handler));

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class => Add(method, binder => binder.AddMethod(method, handler));

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class => Add(method, binder => binder.AddMethod(method, handler));

        public ServerServiceDefinition Build() => new(_bindings.ToArray());

        private Builder Add(IMethod method, Action<ServiceBinderBase> bind)
        {
            if (!_names.Add(method.FullName))
            {
                throw new ArgumentException($"Method '{method.FullName}' is already added.", nameof(method));
            }

            _bindings.Add(bind);
            return this;
        }
    }
}
