namespace Dispatch.Grpc.Interop.Tests.Fixtures;

/// <summary>The python client against a node over TLS.</summary>
[CollectionDefinition(Name)]
public sealed class TlsInteropNodeCollection : ICollectionFixture<TlsInteropNode>
{
    public const string Name = "python client against a node over TLS";
}
