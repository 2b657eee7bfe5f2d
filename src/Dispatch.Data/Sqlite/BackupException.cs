namespace Dispatch.Data.Sqlite;

/// <summary>A backup or restore that was refused or failed, with a message for the operator; nothing was left half-written.</summary>
public sealed class BackupException : Exception
{
    public BackupException(string message)
        : base(message)
    {
    }

    public BackupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
