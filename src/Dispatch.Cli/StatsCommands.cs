using System.CommandLine;
using System.Globalization;
using Dispatch.Contracts.V1;
using Google.Protobuf.WellKnownTypes;

namespace Dispatch.Cli;

/// <summary>evaluate and bulletin: the StatsService (supervisors, dispatchers, administrators).</summary>
internal static class StatsCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Evaluate();
        yield return Bulletin();
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

    private static Command Bulletin()
    {
        var kind = new Option<ReportKind>("--kind") { Required = true, Description = "Daily, Weekly or Monthly" };
        var date = new Option<string>("--date") { Required = true, Description = "YYYY-MM-DD: the day, or any day of the week or month" };
        var format = new Option<ReportFormat>("--format") { DefaultValueFactory = _ => ReportFormat.Html, Description = "Csv or Html" };
        var output = new Option<string>("--out") { Description = "file to write; the suggested name in the current folder by default" };
        var command = new Command("bulletin", "download the daily, weekly or monthly report (日简报 / 周调度 / 月通报)") { kind, date, format, output };
        command.SetAction(async (ParseResult r, CancellationToken cancellationToken) =>
        {
            using var connection = Session.Connect();
            var response = await connection.Stats.GetReportAsync(new GetReportRequest
            {
                Kind = r.GetValue(kind),
                Date = r.GetValue(date)!,
                Format = r.GetValue(format),
            }, cancellationToken: cancellationToken);
            var path = r.GetValue(output) ?? response.FileName;
            await File.WriteAllBytesAsync(path, response.Content.ToByteArray(), cancellationToken);
            Console.WriteLine($"{path}  {response.ContentType}  {response.Content.Length} bytes  {response.From.ToDateTimeOffset():u} to {response.To.ToDateTimeOffset():u}");
            return 0;
        });
        return command;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "\u2026";
}
