namespace Dispatch.Node.Tests.Permissions;

/// <summary>The permission matrix's test classes share one node (<see cref="PermissionMatrixFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class PermissionMatrixCollection : ICollectionFixture<PermissionMatrixFixture>
{
    public const string Name = "Permission matrix";
}
