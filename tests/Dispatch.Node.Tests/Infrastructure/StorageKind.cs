namespace Dispatch.Node.Tests.Infrastructure;

public enum StorageKind
{
    Sqlite,
    Postgres,
}
