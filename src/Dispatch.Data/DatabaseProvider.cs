namespace Dispatch.Data;

/// <summary>The database engine a node stores its data in (configuration key <c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file: the local default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: for replicas of one node sharing a database.</summary>
    Postgres,

    /// <summary>A SQL Server database (the scheduler's storage is ready for it; the data provider comes separately).</summary>
    SqlServer,
}
