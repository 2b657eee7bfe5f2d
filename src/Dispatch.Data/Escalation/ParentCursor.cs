namespace Dispatch.Data.Escalation;

/// <summary>
/// How far this node has applied its parent's update stream. Saved in the same transaction as the
/// update it records, so a resumed subscription neither skips nor repeats an update.
/// </summary>
public sealed class ParentCursor(string parentNodeId, long lastSequence)
{
    public string ParentNodeId { get; private set; } = parentNodeId;

    public long LastSequence { get; private set; } = lastSequence;

    public void Advance(long sequence)
    {
        if (sequence > LastSequence)
        {
            LastSequence = sequence;
        }
    }
}
