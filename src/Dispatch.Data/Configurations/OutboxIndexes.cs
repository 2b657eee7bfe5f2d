namespace Dispatch.Data.Configurations;

/// <summary>
/// The outbox's two partial indexes, by sequence: the messages still to send, and the ones refused for good (same
/// SQL on both providers). A query reads one when its conditions contain the filter's terms.
/// </summary>
internal static class OutboxIndexes
{
    public const string Pending = "ix_outbox_messages_pending";

    public const string PendingFilter = "delivered_at IS NULL AND refused_at IS NULL";

    public const string Refused = "ix_outbox_messages_refused";

    public const string RefusedFilter = "refused_at IS NOT NULL";
}
