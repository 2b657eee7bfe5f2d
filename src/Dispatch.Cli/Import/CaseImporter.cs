using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Cli.Import;

/// <summary>
/// Reports the rows of a cases file as cases, a few calls in flight. A row the node refuses is rejected with its status
/// and the import goes on; a failure that is not the row's (the node unreachable, the sign-in expired, Ctrl+C) stops
/// it, and the rows not yet sent stay unsent: running the import again resumes, since every row's request id is fixed
/// by its content.
/// </summary>
internal sealed class CaseImporter(CaseService.CaseServiceClient cases, string batch, int parallelism)
{
    private static readonly StatusCode[] Stopping =
        [StatusCode.Unavailable, StatusCode.Unauthenticated, StatusCode.Cancelled, StatusCode.DeadlineExceeded, StatusCode.ResourceExhausted, StatusCode.Internal, StatusCode.Unknown];

    /// <summary>
    /// The outcome of every row (in file order; rows never sent are missing) and, when the import stopped early,
    /// why. <paramref name="progress"/> hears of each finished row.
    /// </summary>
    public async Task<(IReadOnlyList<RowOutcome> Outcomes, RpcException? Stopped)> RunAsync(
        IReadOnlyList<CsvRecord> rows, CaseColumns columns, Action<ImportTally> progress, CancellationToken cancellationToken)
    {
        var outcomes = new RowOutcome?[rows.Count];
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var work = new List<(int Index, ReportCaseRequest Request)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (request, error) = CaseRow.Parse(rows[i], columns);
            if (request is null)
            {
                outcomes[i] = new RowOutcome(i + 1, rows[i], null, false, RowOutcome.CsvStatus, error);
                continue;
            }

            var content = CaseRow.RequestId(batch, request, 0);
            occurrences[content] = occurrences.GetValueOrDefault(content) + 1;
            request.RequestId = CaseRow.RequestId(batch, request, occurrences[content] - 1);
            work.Add((i, request));
        }

        var tally = new Tally(rows.Count, rows.Count - work.Count);
        progress(tally.Snapshot());
        RpcException? stopped = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = stop.Token }, async (item, token) =>
            {
                try
                {
                    var response = await cases.ReportCaseAsync(item.Request, cancellationToken: token);
                    outcomes[item.Index] = new RowOutcome(item.Index + 1, rows[item.Index], response.Case.Number, response.Created, null, null);
                }
                catch (RpcException ex) when (!Stopping.Contains(ex.StatusCode))
                {
                    outcomes[item.Index] = new RowOutcome(item.Index + 1, rows[item.Index], null, false, ex.StatusCode.ToString(), ex.Status.Detail);
                }
                catch (RpcException ex)
                {
                    Interlocked.CompareExchange(ref stopped, ex, null);
                    await stop.CancelAsync();
                    return;
                }

                progress(tally.Add(outcomes[item.Index]!));
            });
        }
        catch (OperationCanceledException) when (stopped is not null || cancellationToken.IsCancellationRequested)
        {
            stopped ??= new RpcException(new Status(StatusCode.Cancelled, "The import was interrupted."));
        }

        return (outcomes.OfType<RowOutcome>().ToList(), stopped);
    }

    /// <summary>The running counts, shared by the calls in flight.</summary>
    private sealed class Tally(int total, int rejected)
    {
        private readonly Lock _lock = new();
        private int _done = rejected;
        private int _created;
        private int _existing;
        private int _rejected = rejected;

        public ImportTally Add(RowOutcome outcome)
        {
            lock (_lock)
            {
                _done++;
                _created += outcome.Created ? 1 : 0;
                _existing += !outcome.Created && !outcome.Rejected ? 1 : 0;
                _rejected += outcome.Rejected ? 1 : 0;
                return Snapshot();
            }
        }

        public ImportTally Snapshot()
        {
            lock (_lock)
            {
                return new ImportTally(total, _done, _created, _existing, _rejected);
            }
        }
    }
}
