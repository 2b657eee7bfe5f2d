using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Node.Bench;

/// <summary>
/// Follows one node's WatchCases stream and hands every escalation that arrives from
/// <paramref name="originNodeId"/> to <paramref name="onArrival"/> with the origin's case number (the
/// received case's first event notes "Escalated from &lt;node&gt; case &lt;number&gt;: &lt;reason&gt;").
/// The stream is the observer: nothing polls. It starts from sequence 0, so an escalation that lands
/// before the stream is open is replayed, not missed (older ones are not in the caller's map).
/// </summary>
internal sealed class EscalationNotices(NodeSession session, string originNodeId, Action<string, WatchCasesResponse> onArrival)
{
    private readonly string _prefix = $"Escalated from {originNodeId} case ";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var call = session.Cases.WatchCases(new WatchCasesRequest { FromSequence = 0 }, session.Call.WithCancellationToken(cancellationToken));
            while (await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                var notice = call.ResponseStream.Current;
                if (notice.Event.Type == "CaseReported" && notice.Event.Note.StartsWith(_prefix, StringComparison.Ordinal))
                {
                    var rest = notice.Event.Note.AsSpan(_prefix.Length);
                    var end = rest.IndexOf(':');
                    onArrival((end < 0 ? rest : rest[..end]).ToString(), notice);
                }
            }
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
