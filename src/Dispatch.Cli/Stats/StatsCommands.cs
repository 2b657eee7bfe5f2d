using System.CommandLine;
using System.Globalization;
using Dispatch.Cli.App;
using Dispatch.Cli.Output;
using Dispatch.Cli.Texts;
using Dispatch.Contracts.V1;
using Google.Protobuf.WellKnownTypes;

namespace Dispatch.Cli.Stats;

/// <summary>evaluate: the StatsService's evaluation of units over a period.</summary>
internal static class StatsCommands
{
    public static IEnumerable<Command> Create(CliContext cli) => [Evaluate(cli), .. BulletinCommands.Create(cli)];

    private static Command Evaluate(CliContext cli)
    {
        var unit = new Option<UnitKind>("--unit") { Required = true, Description = cli.T(StatsTexts.UnitOption) };
        var id = new Option<string>("--id") { Description = cli.T(StatsTexts.UnitIdOption) };
        var from = new Option<DateTimeOffset>("--from") { Required = true, Description = cli.T(StatsTexts.FromOption), HelpName = "TIME" };
        var to = new Option<DateTimeOffset>("--to") { Required = true, Description = cli.T(StatsTexts.ToOption), HelpName = "TIME" };
        var command = cli.Command("evaluate", StatsTexts.EvaluateDescription, unit, id, from, to);
        cli.SetAction(command, async run =>
        {
            var response = await run.Connection.Stats.GetEvaluationAsync(new GetEvaluationRequest
            {
                UnitKind = run.Get(unit),
                UnitId = run.Get(id) ?? "",
                From = Timestamp.FromDateTimeOffset(run.Get(from)),
                To = Timestamp.FromDateTimeOffset(run.Get(to)),
            }, cancellationToken: run.Cancellation);
            run.Show(response, () =>
            {
                if (response.Units.Count == 0)
                {
                    run.Line(run.T(StatsTexts.NoUnits));
                    return;
                }

                var table = new Table(
                    run.T(StatsTexts.UnitHeader), run.T(StatsTexts.ReportedHeader), run.T(StatsTexts.DueHeader), run.T(StatsTexts.OnTimeHeader),
                    run.T(StatsTexts.ClosedHeader), run.T(StatsTexts.ReworkHeader), run.T(StatsTexts.OverdueHeader), run.T(StatsTexts.SatisfactionHeader));
                foreach (var u in response.Units.Append(response.Total))
                {
                    table.Add(
                        u.UnitId.Length == 0 ? run.T(StatsTexts.Total) : u.UnitName,
                        Number(u.Reported), Number(u.DueInPeriod), u.OnTimeCloseRate.ToString("P0", CultureInfo.InvariantCulture),
                        Number(u.Closed), Number(u.ReworkCount), Number(u.OverdueCount), u.MeanSatisfaction.ToString("0.00", CultureInfo.InvariantCulture));
                }

                table.Write(run.Out);
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
