using System.CommandLine;
using Dispatch.Contracts.V1;

namespace Dispatch.Cli;

/// <summary>outbox and requeue: the OutboxService (node administrators).</summary>
internal static class OutboxCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Outbox();
        yield return Requeue();
    }

    private static Command Outbox()
    {
        var command = new Command("outbox", "messages the parent refused for good (not sent again until requeued), oldest first");
        command.SetAction(async (ParseResult r, CancellationToken cancellationToken) =>
        {
            using var connection = Session.Connect();
            var request = new ListRefusedMessagesRequest { PageSize = 200 };
            do
            {
                var page = await connection.Outbox.ListRefusedMessagesAsync(request, cancellationToken: cancellationToken);
                foreach (var message in page.Messages)
                {
                    Print(message);
                }

                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            return 0;
        });
        return command;
    }

    private static Command Requeue()
    {
        var sequence = new Argument<long>("sequence") { Description = "the refused message's sequence (see 'outbox')" };
        var command = new Command("requeue", "send a refused message again once its cause is fixed (a refused escalation escalates its case again)") { sequence };
        command.SetAction(async (ParseResult r, CancellationToken cancellationToken) =>
        {
            using var connection = Session.Connect();
            var response = await connection.Outbox.RequeueMessageAsync(new RequeueMessageRequest { Sequence = r.GetValue(sequence) }, cancellationToken: cancellationToken);
            Print(response.Message);
            return 0;
        });
        return command;
    }

    private static void Print(OutboxItem m) =>
        Console.WriteLine(m.RefusedAt is null
            ? $"{m.Sequence}  {m.Kind,-12} case {m.CaseId}: pending"
            : $"{m.Sequence}  {m.Kind,-12} case {m.CaseId}: refused by {m.RefusedBy} at {m.RefusedAt.ToDateTimeOffset():u}, {m.RefusalCode}: {m.RefusalMessage}");
}
