using System.CommandLine;
using Dispatch.Cli.App;
using Dispatch.Cli.Texts;
using Dispatch.Contracts.V1;

namespace Dispatch.Cli.Cases;

/// <summary>report: a grid worker reports a case, or one fixed on the spot (--fixed).</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext cli)
    {
        var shared = new CaseOptions(cli);
        var title = new Option<string>("--title") { Required = true, Description = cli.T(CaseTexts.TitleOption) };
        var description = new Option<string>("--description") { Description = cli.T(CaseTexts.DescriptionOption) };
        var category = new Option<string>("--category") { Required = true, Description = cli.T(CaseTexts.CategoryOption), HelpName = "CODE" };
        var grid = new Option<string>("--grid") { Required = true, Description = cli.T(CaseTexts.GridOption), HelpName = "ID" };
        var latitude = new Option<double>("--lat") { Required = true, Description = cli.T(CaseTexts.LatOption) };
        var longitude = new Option<double>("--lon") { Required = true, Description = cli.T(CaseTexts.LonOption) };
        var place = new Option<string>("--place") { Description = cli.T(CaseTexts.PlaceOption) };
        var whistle = new Option<WhistleClass>("--whistle") { DefaultValueFactory = _ => WhistleClass.Daily, Description = cli.T(CaseTexts.WhistleOption), HelpName = "Daily|Tough|Emergency" };
        var mode = new Option<HandlingMode>("--mode") { DefaultValueFactory = _ => HandlingMode.Split, Description = cli.T(CaseTexts.ModeOption), HelpName = "Fast|Split|Joint|Leader" };
        var isFixed = new Option<bool>("--fixed") { Description = cli.T(CaseTexts.FixedOption) };
        var evidence = shared.Evidence();
        var requestId = new Option<string>("--request-id") { Description = cli.T(CaseTexts.RequestIdOption), HelpName = "ID" };
        var command = cli.Command("report", CaseTexts.ReportDescription, title, description, category, grid, latitude, longitude, place, whistle, mode, isFixed, evidence, requestId);
        command.Validators.Add(r =>
        {
            if (r.GetResult(isFixed) is { Implicit: false } && r.GetResult(mode) is { Implicit: false })
            {
                r.AddError(cli.T(CaseTexts.FixedAndMode));
            }
        });
        cli.SetAction(command, async run =>
        {
            var request = new ReportCaseRequest
            {
                RequestId = run.Get(requestId) ?? Guid.NewGuid().ToString("N"),
                Title = run.Get(title)!,
                Description = run.Get(description) ?? "",
                CategoryCode = run.Get(category)!,
                GridId = run.Get(grid)!,
                Location = new Location { Latitude = run.Get(latitude), Longitude = run.Get(longitude), Address = run.Get(place) ?? "" },
                Whistle = run.Get(whistle),
                HandlingMode = run.Get(isFixed) ? HandlingMode.Immediate : run.Get(mode),
            };
            request.EvidenceRefs.AddRange(run.Get(evidence) ?? []);
            var response = await run.Connection.Cases.ReportCaseAsync(request, cancellationToken: run.Cancellation);
            run.Show(response, () =>
            {
                run.Line(run.T(response.Created ? CaseTexts.ReportCreated : CaseTexts.ReportRetried));
                CasePrinter.Summary(run, response.Case);
                if (response.PossibleDuplicates.Count > 0)
                {
                    run.Line(run.T(CaseTexts.PossibleDuplicate));
                    CasePrinter.List(run, response.PossibleDuplicates);
                }
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
