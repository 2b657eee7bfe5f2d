using System.Diagnostics;
using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Node.Bench;

/// <summary>
/// Reports and escalates one case at a village that may be killed at any moment. Every attempt starts
/// with the same ReportCase (idempotent on request_id): it answers with the case as it is now, so a
/// retry knows whether the escalation already happened before the village died. EscalateCase then
/// carries the version that answer gave; FAILED_PRECONDITION means the case is no longer open, i.e.
/// an earlier attempt escalated it, and ABORTED (stale version) just means: ask again.
/// </summary>
internal sealed class EscalationRetryingCaller(NodeSession worker, NodeSession dispatcher, EscalationFaultOptions options)
{
    private const string Reason = "Needs the town (fault run).";

    private int _retries;

    public int Retries => Volatile.Read(ref _retries);

    public RpcException? LastTransientError { get; private set; }

    /// <summary>Returns "escalated", "already" (a retry found it escalated) or throws when it gave up.</summary>
    public async Task<string> EscalateAsync(int index)
    {
        var request = NewReport(index);
        var giveUpAt = Stopwatch.GetTimestamp() + (long)(options.GiveUpAfter.TotalSeconds * Stopwatch.Frequency);
        var backoff = TimeSpan.FromMilliseconds(50);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var reported = await worker.Cases.ReportCaseAsync(request, Options(worker)).ResponseAsync.ConfigureAwait(false);
                if (reported.Case.Status == CaseStatus.Escalated)
                {
                    return "already";
                }

                await dispatcher.Cases.EscalateCaseAsync(
                    new EscalateCaseRequest { CaseId = reported.Case.Id, ExpectedVersion = reported.Case.Version, Reason = Reason },
                    Options(dispatcher)).ResponseAsync.ConfigureAwait(false);
                return "escalated";
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.FailedPrecondition && attempt > 0)
            {
                return "already";
            }
            catch (RpcException error) when (Transient(error.StatusCode) && Stopwatch.GetTimestamp() < giveUpAt)
            {
                LastTransientError = error;
                Interlocked.Increment(ref _retries);
                await Task.Delay(backoff).ConfigureAwait(false);
                backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 1000));
            }
        }
    }

    private CallOptions Options(NodeSession session) => session.Call.WithDeadline(DateTime.UtcNow + options.CallTimeout);

    // The village down, restarting or cut mid-call; ABORTED: the case changed since the report's answer.
    private static bool Transient(StatusCode code) => code is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal
        or StatusCode.Unknown or StatusCode.Cancelled or StatusCode.ResourceExhausted or StatusCode.Aborted;

    private ReportCaseRequest NewReport(int index) => new()
    {
        RequestId = $"{options.RunId}-{index}",
        Title = $"Fault run {options.RunId} #{index}: uncollected garbage",
        Description = "Escalation fault run.",
        CategoryCode = ReportRequests.CategoryCode,
        GridId = ListFilters.GridId,
        Location = new Location { Latitude = 39.9042, Longitude = 116.4074, Address = "East gate, building 3" },
        Whistle = WhistleClass.Daily,
        HandlingMode = HandlingMode.Fast,
    };
}
