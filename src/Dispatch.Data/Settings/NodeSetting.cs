namespace Dispatch.Data.Settings;

/// <summary>
/// A value the node keeps for itself across restarts, by key (for example the fingerprint of the deadline policy
/// the running cases were scheduled by). Kept in the node's own database, so it survives whatever the scheduler's
/// storage forgets and is shared by the replicas of a node.
/// </summary>
public sealed class NodeSetting(string key, string value)
{
    public const int KeyMaxLength = 64;

    public string Key { get; private set; } = key;

    public string Value { get; private set; } = value;

    public void Change(string value) => Value = value;
}
