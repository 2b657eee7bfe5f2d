using System.CommandLine;
using System.Text.Json;
using Dispatch.Cli.App;
using Dispatch.Cli.Texts;
using Grpc.Core;

namespace Dispatch.Cli.Import;

/// <summary>
/// import cases.csv: every row reported as a case (<see cref="CaseImporter"/>), with a progress bar, a summary and the
/// rejected rows in a report file. A header the tool cannot use stops it before anything is sent; a bad row is only
/// that row's rejection.
/// </summary>
internal static class ImportCommand
{
    /// <summary>Rejected rows shown under the summary; the report file has them all.</summary>
    private const int ShownRejections = 5;

    public static Command Create(CliContext cli)
    {
        var file = new Argument<string>("file") { Description = cli.T(ImportTexts.FileArgument) };
        var batch = new Option<string>("--batch") { Description = cli.T(ImportTexts.BatchOption), HelpName = "NAME" };
        var parallel = new Option<int>("--parallel") { Description = cli.T(ImportTexts.ParallelOption), DefaultValueFactory = _ => 4, HelpName = "1..16" };
        parallel.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 16)
            {
                r.AddError(cli.T(ImportTexts.ParallelInvalid));
            }
        });
        var rejected = new Option<string>("--rejected") { Description = cli.T(ImportTexts.RejectedOption), HelpName = "FILE" };
        var command = cli.Command("import", ImportTexts.ImportDescription, file, batch, parallel, rejected);
        cli.SetAction(command, async run =>
        {
            var path = run.Get(file);
            var (columns, rows) = Read(run, path);
            var importer = new CaseImporter(run.Connection.Cases, run.Get(batch) ?? "", run.Get(parallel));
            var console = run.Cli.Console;
            var progress = new ImportProgress(run.Json ? null : console.Error, console.ErrorIsTerminal, t => run.T(ImportTexts.Progress, t.Done, t.Total, t.Created, t.Existing, t.Rejected));
            var (outcomes, stopped) = await importer.RunAsync(rows, columns, progress.Report, run.Cancellation);
            progress.Finish();

            var refused = outcomes.Where(o => o.Rejected).ToList();
            var report = run.Get(rejected) ?? RejectedRowsReport.DefaultPath(path);
            await WriteReportAsync(run, report, refused);
            var summary = new ImportSummary(
                path,
                rows.Count,
                outcomes.Count(o => o.Created),
                outcomes.Count(o => !o.Created && !o.Rejected),
                refused.Count,
                rows.Count - outcomes.Count,
                refused.Count > 0 ? report : null,
                refused.Select(o => new ImportSummary.RejectedRow(o.Row, o.Record.Line, o.Status!, o.Message ?? "")).ToList(),
                stopped is null ? null : $"{stopped.StatusCode}: {stopped.Status.Detail}");
            Print(run, summary);
            if (stopped is not null)
            {
                console.Error.WriteLine(run.T(ImportTexts.Stopped, summary.NotSent, summary.Rows));
                return ErrorReporter.Report(run.Cli, stopped);
            }

            return refused.Count > 0 ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The header's columns and the data rows; an unreadable file or header is the user's to fix (exit 2).</summary>
    private static (CaseColumns Columns, IReadOnlyList<CsvRecord> Rows) Read(CommandRun run, string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException(run.T(ImportTexts.CannotRead, path, e.Message));
        }

        var records = CsvReader.Read(text);
        if (records.Count == 0)
        {
            throw new CliException(run.T(ImportTexts.EmptyFile, path));
        }

        var (columns, error) = records[0].Error is { } unreadable ? (null, unreadable) : CaseColumns.FromHeader(records[0].Fields);
        return columns is null ? throw new CliException(run.T(ImportTexts.BadHeader, path, error)) : (columns, records.Skip(1).ToList());
    }

    /// <summary>Writes the rejected rows; with none, removes a report an earlier run left, so no stale rejections linger.</summary>
    private static async Task WriteReportAsync(CommandRun run, string report, IReadOnlyList<RowOutcome> refused)
    {
        try
        {
            if (refused.Count > 0)
            {
                await RejectedRowsReport.WriteAsync(report, refused, CancellationToken.None);
            }
            else if (RejectedRowsReport.IsReport(report))
            {
                File.Delete(report);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(run.T(ImportTexts.CannotWriteReport, report, e.Message), ExitCodes.Failure);
        }
    }

    private static void Print(CommandRun run, ImportSummary summary)
    {
        if (run.Json)
        {
            run.Line(JsonSerializer.Serialize(summary, ImportJson.Default.ImportSummary));
            return;
        }

        run.Line(run.T(ImportTexts.Summary, summary.File, summary.Rows, summary.Created, summary.Existing, summary.Rejected));
        if (summary.RejectedReport is { } report)
        {
            foreach (var row in summary.RejectedRows.Take(ShownRejections))
            {
                run.Line(run.T(ImportTexts.RejectedRow, row.Row, row.Line, row.Status, row.Message));
            }

            run.Line(run.T(ImportTexts.RejectedReport, report));
        }
    }
}
