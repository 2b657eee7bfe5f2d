using System.CommandLine;
using System.Globalization;
using Dispatch.Cli.App;
using Dispatch.Cli.Output;
using Dispatch.Cli.Texts;
using Dispatch.Client;
using Dispatch.Contracts.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Dispatch.Cli.Stats;

/// <summary>bulletin (build a report now), bulletins (the stored ones) and bulletins get (download one).</summary>
internal static class BulletinCommands
{
    private delegate Task<(IMessage Response, ByteString Content, string FileName, string ContentType, Timestamp From, Timestamp To)> Fetch(
        DispatchConnection connection, ReportKind kind, string date, ReportFormat format, CancellationToken cancellationToken);

    public static IEnumerable<Command> Create(CliContext cli)
    {
        yield return Download(cli, "bulletin", StatsTexts.BulletinDescription, async (connection, kind, date, format, cancellationToken) =>
        {
            var r = await connection.Stats.GetReportAsync(new GetReportRequest { Kind = kind, Date = date, Format = format }, cancellationToken: cancellationToken);
            return (r, r.Content, r.FileName, r.ContentType, r.From, r.To);
        });
        yield return List(cli);
    }

    private static Command List(CliContext cli)
    {
        var kind = new Option<ReportKind>("--kind") { Description = cli.T(StatsTexts.KindFilterOption) };
        var paging = new PageOptions(cli);
        var command = cli.Command("bulletins", StatsTexts.BulletinsDescription, kind);
        paging.AddTo(command);
        command.Subcommands.Add(Download(cli, "get", StatsTexts.BulletinGetDescription, async (connection, kind, date, format, cancellationToken) =>
        {
            var r = await connection.Stats.GetBulletinAsync(new GetBulletinRequest { Kind = kind, Date = date, Format = format }, cancellationToken: cancellationToken);
            return (r, r.Content, r.FileName, r.ContentType, r.From, r.To);
        }));
        cli.SetAction(command, run => Paging.RunAsync(
            run,
            paging,
            async (token, size) =>
            {
                var response = await run.Connection.Stats.ListBulletinsAsync(new ListBulletinsRequest { Kind = run.Get(kind), PageSize = size, PageToken = token }, cancellationToken: run.Cancellation);
                return new Page<Bulletin>(response, response.Bulletins, response.NextPageToken);
            },
            bulletins =>
            {
                var table = new Table(run.T(StatsTexts.KindHeader), run.T(StatsTexts.FirstDayHeader), run.T(StatsTexts.PeriodHeader), run.T(StatsTexts.ProducedHeader), run.T(StatsTexts.FilesHeader));
                foreach (var b in bulletins)
                {
                    table.Add(b.Kind.ToString(), b.FirstDay, $"{run.Local(b.From)} - {run.Local(b.To)}", run.Local(b.ProducedAt), string.Join("  ", b.Files.Select(f => f.FileName)));
                }

                table.Write(run.Out);
            },
            StatsTexts.NoBulletins));
        return command;
    }

    /// <summary>A command that fetches one report file (kind, date, format) and writes it to --out or its suggested name.</summary>
    private static Command Download(CliContext cli, string name, Text description, Fetch fetch)
    {
        var kind = new Option<ReportKind>("--kind") { Required = true, Description = cli.T(StatsTexts.KindOption) };
        var date = new Option<string>("--date") { Required = true, Description = cli.T(StatsTexts.DateOption), HelpName = "YYYY-MM-DD" };
        var format = new Option<ReportFormat>("--format") { DefaultValueFactory = _ => ReportFormat.Html, Description = cli.T(StatsTexts.FormatOption) };
        var output = new Option<string>("--out", "-o") { Description = cli.T(StatsTexts.OutOption), HelpName = "FILE" };
        var command = cli.Command(name, description, kind, date, format, output);
        cli.SetAction(command, async run =>
        {
            var (response, content, fileName, contentType, from, to) = await fetch(run.Connection, run.Get(kind), run.Get(date)!, run.Get(format), run.Cancellation);
            var path = run.Get(output) ?? fileName;
            try
            {
                await File.WriteAllBytesAsync(path, content.ToByteArray(), run.Cancellation);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException(run.T(CoreTexts.OutFileFailed, path, e.Message));
            }

            // --json describes the file written, not its contents (they are in the file).
            run.Show(response.WithoutContent(), () => run.Line(run.T(StatsTexts.Written, path, content.Length.ToString(CultureInfo.InvariantCulture), contentType, run.Local(from), run.Local(to))));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static IMessage WithoutContent(this IMessage response)
    {
        var copy = response.Descriptor.Parser.ParseFrom(response.ToByteString());
        copy.Descriptor.FindFieldByName("content")?.Accessor.Clear(copy);
        return copy;
    }
}
