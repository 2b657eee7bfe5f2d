using System.CommandLine;
using Dispatch.Contracts.V1;
using Google.Protobuf.WellKnownTypes;

namespace Dispatch.Cli;

/// <summary>report, list, show and watch.</summary>
internal static class QueryCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Report();
        yield return List();
        yield return Show();
        yield return Watch();
    }

    private static Command Report()
    {
        var title = new Option<string>("--title") { Required = true };
        var description = new Option<string>("--description");
        var category = new Option<string>("--category") { Required = true, Description = "catalogue code, e.g. 0201" };
        var grid = new Option<string>("--grid") { Required = true, Description = "15-digit grid id" };
        var latitude = new Option<double>("--lat") { Required = true };
        var longitude = new Option<double>("--lon") { Required = true };
        var place = new Option<string>("--place") { Description = "address text" };
        var whistle = new Option<WhistleClass>("--whistle") { DefaultValueFactory = _ => WhistleClass.Daily };
        var mode = new Option<HandlingMode>("--mode") { DefaultValueFactory = _ => HandlingMode.Split };
        var requestId = new Option<string>("--request-id") { Description = "reuse to retry safely; new by default" };
        var command = new Command("report", "report a case") { title, description, category, grid, latitude, longitude, place, whistle, mode, requestId };
        command.SetAction(async (ParseResult r, CancellationToken cancellationToken) =>
        {
            using var connection = Session.Connect();
            var response = await connection.Cases.ReportCaseAsync(new ReportCaseRequest
            {
                RequestId = r.GetValue(requestId) ?? Guid.NewGuid().ToString("N"),
                Title = r.GetValue(title)!,
                Description = r.GetValue(description) ?? "",
                CategoryCode = r.GetValue(category)!,
                GridId = r.GetValue(grid)!,
                Location = new Location { Latitude = r.GetValue(latitude), Longitude = r.GetValue(longitude), Address = r.GetValue(place) ?? "" },
                Whistle = r.GetValue(whistle),
                HandlingMode = r.GetValue(mode),
            }, cancellationToken: cancellationToken);
            Printer.Summary(response.Case);
            foreach (var duplicate in response.PossibleDuplicates)
            {
                Console.Write("  possible duplicate: ");
                Printer.Summary(duplicate);
            }

            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var status = new Option<CaseStatus[]>("--status") { AllowMultipleArgumentsPerToken = true };
        var grid = new Option<string>("--grid");
        var text = new Option<string>("--text");
        var overdue = new Option<bool>("--overdue");
        var command = new Command("list", "list cases in your scope, newest first") { status, grid, text, overdue };
        command.SetAction(async (ParseResult r, CancellationToken cancellationToken) =>
        {
            using var connection = Session.Connect();
            var request = new ListCasesRequest { GridId = r.GetValue(grid) ?? "", Text = r.GetValue(text) ?? "", OverdueOnly = r.GetValue(overdue) };
            request.Statuses.AddRange(r.GetValue(status) ?? []);
            foreach (var c in (await connection.Cases.ListCasesAsync(request, cancellationToken: cancellationToken)).Cases)
            {
                Printer.Summary(c);
            }

            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var caseArgument = new Argument<string>("case") { Description = "case id or number" };
        var command = new Command("show", "a case with its history") { caseArgument };
        command.SetAction(async (ParseResult r, CancellationToken cancellationToken) =>
        {
            using var connection = Session.Connect();
            Printer.Details(await connection.FindCaseAsync(r.GetValue(caseArgument)!, cancellationToken));
            return 0;
        });
        return command;
    }

    private static Command Watch()
    {
        var from = new Option<long>("--from") { Description = "resume after this sequence number" };
        var command = new Command("watch", "follow case events as they happen (Ctrl+C to stop)") { from };
        command.SetAction(async (ParseResult r, CancellationToken cancellationToken) =>
        {
            using var connection = Session.Connect();
            using var call = connection.Cases.WatchCases(new WatchCasesRequest { FromSequence = r.GetValue(from) }, cancellationToken: cancellationToken);
            while (await call.ResponseStream.MoveNext(cancellationToken))
            {
                var n = call.ResponseStream.Current;
                Console.WriteLine($"#{n.Sequence} {n.Event.At.ToDateTimeOffset():u} {n.CaseNumber} {n.Event.Type} -> {n.Status} {n.Event.Note}");
            }

            return 0;
        });
        return command;
    }
}
