namespace Dispatch.Data.Sqlite;

/// <summary>What a checked backup (or restored database) holds: its cases, the last migration applied to it, its size.</summary>
public sealed record BackupSummary(string File, long Cases, string LastMigration, long Bytes);
