using Dispatch.Node.Tests.Infrastructure;

namespace Dispatch.Node.Tests.Backup;

/// <summary>One node for the backup tests: they back up its database; only the test under load adds cases to it.</summary>
public sealed class BackupNodeFixture : IAsyncLifetime
{
    public NodeTestHost Node { get; private set; } = null!;

    public async Task InitializeAsync() => Node = await NodeTestHost.StartAsync(StorageKind.Sqlite);

    public async Task DisposeAsync() => await Node.DisposeAsync();
}
