using System.CommandLine;
using System.Globalization;
using Dispatch.Cli.App;
using Dispatch.Cli.Cases;
using Dispatch.Cli.Output;
using Dispatch.Cli.Texts;
using Dispatch.Contracts.V1;

namespace Dispatch.Cli.Outbox;

/// <summary>outbox and requeue: the OutboxService (node administrators).</summary>
internal static class OutboxCommands
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        yield return List(cli);
        yield return Requeue(cli);
    }

    private static Command List(CliContext cli)
    {
        var paging = new PageOptions(cli);
        var command = cli.Command("outbox", SupervisionTexts.OutboxDescription);
        paging.AddTo(command);
        cli.SetAction(command, run => Paging.RunAsync(
            run,
            paging,
            async (token, size) =>
            {
                var response = await run.Connection.Outbox.ListRefusedMessagesAsync(new ListRefusedMessagesRequest { PageSize = size, PageToken = token }, cancellationToken: run.Cancellation);
                return new Page<OutboxItem>(response, response.Messages, response.NextPageToken);
            },
            messages => Print(run, messages),
            SupervisionTexts.NoRefused));
        return command;
    }

    private static Command Requeue(CliContext cli)
    {
        var sequence = new Argument<long>("sequence") { Description = cli.T(SupervisionTexts.SequenceArgument) };
        var command = cli.Command("requeue", SupervisionTexts.RequeueDescription, sequence);
        cli.SetAction(command, async run =>
        {
            var response = await run.Connection.Outbox.RequeueMessageAsync(new RequeueMessageRequest { Sequence = run.Get(sequence) }, cancellationToken: run.Cancellation);
            run.Show(response, () => Print(run, [response.Message]));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(CommandRun run, IEnumerable<OutboxItem> messages)
    {
        var table = new Table(run.T(SupervisionTexts.SequenceHeader), run.T(SupervisionTexts.KindHeader), run.T(SupervisionTexts.CaseHeader), run.T(SupervisionTexts.RefusedHeader));
        foreach (var m in messages)
        {
            table.Add(
                m.Sequence.ToString(CultureInfo.InvariantCulture),
                m.Kind.ToString(),
                m.CaseId,
                m.RefusedAt is null ? run.T(SupervisionTexts.Pending) : run.T(SupervisionTexts.RefusedValue, run.Local(m.RefusedAt), m.RefusedBy, m.RefusalCode, m.RefusalMessage));
        }

        table.Write(run.Out);
    }
}
