namespace Dispatch.Grpc.Interop.Tests.Fixtures;

/// <summary>The interop tests share one node and run one python client at a time.</summary>
[CollectionDefinition(Name)]
public sealed class InteropNodeCollection : ICollectionFixture<InteropNode>
{
    public const string Name = "python client against a node";
}
