namespace Grpc.Core;

public interface IMethod
{
    MethodType Type { get; }

    string ServiceName { get; }

    string Name { get; }

    /// <summary>The path of the method on the wire: <c>/package.Service/Method</c>.</summary>
    string FullName { get; }
}
