namespace Dispatch.Node.Tests.Infrastructure;

/// <summary>One node on SQLite shared by a whole test class (its tests add what they need to it).</summary>
public sealed class SqliteNodeFixture : IAsyncLifetime
{
    public NodeTestHost Node { get; private set; } = null!;

    public async Task InitializeAsync() => Node = await NodeTestHost.StartAsync(StorageKind.Sqlite);

    public async Task DisposeAsync() => await Node.DisposeAsync();
}
