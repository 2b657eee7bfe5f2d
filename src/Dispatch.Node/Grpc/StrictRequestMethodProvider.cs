using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace Dispatch.Node.Grpc;

/// <summary>
/// Binds a gRPC service's methods the way grpc-dotnet's own binder does (the generated <c>BindService</c>, the
/// service's overrides, its attributes as endpoint metadata), with one difference: a request whose bytes are not
/// the request message answers INVALID_ARGUMENT. grpc-dotnet reads the request before any interceptor runs and
/// answers UNKNOWN ("Exception was thrown by handler.") when it cannot parse it.
/// </summary>
internal sealed class StrictRequestMethodProvider<TService> : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } bind)
            {
                var bindService = bind.BindType.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                    .Single(m => m.Name == bind.BindMethodName && m.GetParameters() is [var binder, _] && binder.ParameterType == typeof(ServiceBinderBase));
                bindService.Invoke(null, [new StrictRequestBinder<TService>(context, type), null]);
                return;
            }
        }
    }
}
