using System.CommandLine;
using System.Globalization;
using Dispatch.Client;
using Dispatch.Contracts.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Dispatch.Cli;

/// <summary>evaluate, bulletin and bulletins: the StatsService (supervisors, dispatchers, administrators).</summary>
internal static class StatsCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Evaluate();
        yield return Bulletin();
        yield return Bulletins();
    }

    private static Command Evaluate()
    {
        var unit = new Option<UnitKind>("--unit") { Required = true, Description = "Department, GridWorker, Grid or ChildNode" };
        var id = new Option<string>("--id") { Description = "one unit only" };
        var from = new Option<DateTimeOffset>("--from") { Required = true, Description = "start, e.g. 2026-11-01T00:00Z (inclusive)" };
        var to = new Option<DateTimeOffset>("--to") { Required = true, Description = "end (exclusive)" };
        var command = new Command("evaluate", "evaluation figures per unit for a period") { unit, id, from, to };
        command.SetAction(async (ParseResult r, CancellationToken cancellationToken) =>
        {
            using var connection = Session.Connect();
            var response = await connection.Stats.GetEvaluationAsync(new GetEvaluationRequest
            {
                UnitKind = r.GetValue(unit),
                UnitId = r.GetValue(id) ?? "",
                From = Timestamp.FromDateTimeOffset(r.GetValue(from)),
                To = Timestamp.FromDateTimeOffset(r.GetValue(to)),
            }, cancellationToken: cancellationToken);
            Console.WriteLine($"{"unit",-32} {"reported",8} {"due",5} {"on time",8} {"closed",6} {"rework",6} {"overdue",7} {"satisf.",7}");
            foreach (var u in response.Units.Append(response.Total))
            {
                var name = u.UnitId.Length == 0 ? "(total)" : u.UnitName;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Truncate(name, 32),-32} {u.Reported,8} {u.DueInPeriod,5} {u.OnTimeCloseRate,8:P0} {u.Closed,6} {u.ReworkCount,6} {u.OverdueCount,7} {u.MeanSatisfaction,7:0.00}"));
            }

            return 0;
        });
        return command;
    }

    private static Command Bulletin() => Download(
        "bulletin",
        "build the daily, weekly or monthly report now (日简报 / 周调度 / 月通报); 'bulletins get' fetches the stored one",
        async (connection, kind, date, format, cancellationToken) =>
        {
            var r = await connection.Stats.GetReportAsync(new GetReportRequest { Kind = kind, Date = date, Format = format }, cancellationToken: cancellationToken);
            return (r.Content, r.FileName, $"{r.ContentType}  {r.From.ToDateTimeOffset():u} to {r.To.ToDateTimeOffset():u}");
        });

    private static Command Bulletins()
    {
        var kind = new Option<ReportKind>("--kind") { Description = "Daily, Weekly or Monthly; every kind by default" };
        var pageSize = new Option<int>("--page-size") { DefaultValueFactory = _ => 50, Description = "bulletins per page, 1..200" };
        var pageToken = new Option<string>("--page-token") { Description = "the next page, as printed at the end of the previous one" };
        var command = new Command("bulletins", "the stored daily, weekly and monthly bulletins, newest first") { kind, pageSize, pageToken };
        command.Subcommands.Add(BulletinGet());
        command.SetAction(async (ParseResult r, CancellationToken cancellationToken) =>
        {
            using var connection = Session.Connect();
            var response = await connection.Stats.ListBulletinsAsync(new ListBulletinsRequest
            {
                Kind = r.GetValue(kind),
                PageSize = r.GetValue(pageSize),
                PageToken = r.GetValue(pageToken) ?? "",
            }, cancellationToken: cancellationToken);
            foreach (var b in response.Bulletins)
            {
                var files = string.Join("  ", b.Files.Select(f => $"{f.FileName} ({f.Size} bytes)"));
                Console.WriteLine($"{b.Kind,-8} {b.FirstDay}  {b.From.ToDateTimeOffset():u} to {b.To.ToDateTimeOffset():u}  produced {b.ProducedAt.ToDateTimeOffset():u}  {files}");
            }

            if (response.Bulletins.Count == 0)
            {
                Console.WriteLine(r.GetResult(pageToken) is null ? "no bulletins yet" : "no more bulletins");
            }

            if (response.NextPageToken.Length > 0)
            {
                Console.WriteLine($"more: dispatch bulletins --page-token {response.NextPageToken}{(r.GetResult(kind) is null ? "" : $" --kind {r.GetValue(kind)}")}");
            }

            return 0;
        });
        return command;
    }

    private static Command BulletinGet() => Download(
        "get",
        "download a stored bulletin, as it was produced when its period ended",
        async (connection, kind, date, format, cancellationToken) =>
        {
            var r = await connection.Stats.GetBulletinAsync(new GetBulletinRequest { Kind = kind, Date = date, Format = format }, cancellationToken: cancellationToken);
            return (r.Content, r.FileName, $"{r.ContentType}  {r.From.ToDateTimeOffset():u} to {r.To.ToDateTimeOffset():u}  produced {r.ProducedAt.ToDateTimeOffset():u}");
        });

    /// <summary>A command that fetches one report file (kind, date, format) and writes it to --out or its suggested name.</summary>
    private static Command Download(
        string name,
        string description,
        Func<DispatchConnection, ReportKind, string, ReportFormat, CancellationToken, Task<(ByteString Content, string FileName, string Details)>> fetch)
    {
        var kind = new Option<ReportKind>("--kind") { Required = true, Description = "Daily, Weekly or Monthly" };
        var date = new Option<string>("--date") { Required = true, Description = "YYYY-MM-DD: the day, or any day of the week or month" };
        var format = new Option<ReportFormat>("--format") { DefaultValueFactory = _ => ReportFormat.Html, Description = "Csv or Html" };
        var output = new Option<string>("--out", "-o") { Description = "file to write; the suggested name in the current folder by default" };
        var command = new Command(name, description) { kind, date, format, output };
        command.SetAction(async (ParseResult r, CancellationToken cancellationToken) =>
        {
            using var connection = Session.Connect();
            var (content, fileName, details) = await fetch(connection, r.GetValue(kind), r.GetValue(date)!, r.GetValue(format), cancellationToken);
            var path = r.GetValue(output) ?? fileName;
            await File.WriteAllBytesAsync(path, content.ToByteArray(), cancellationToken);
            Console.WriteLine($"{path}  {content.Length} bytes  {details}");
            return 0;
        });
        return command;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "\u2026";
}
