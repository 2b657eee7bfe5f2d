using System.CommandLine;
using System.Globalization;
using Dispatch.Cli.App;
using Dispatch.Cli.Output;
using Dispatch.Cli.Texts;
using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Cli.Cases;

/// <summary>watch: every case event of the node as it happens, until Ctrl+C, which ends it quietly (exit 0).</summary>
internal static class WatchCommand
{
    public static Command Create(CliContext cli)
    {
        var from = new Option<long>("--from") { Description = cli.T(CaseTexts.FromOption), HelpName = "SEQUENCE" };
        var command = cli.Command("watch", CaseTexts.WatchDescription, from);
        cli.SetAction(command, async run =>
        {
            using var call = run.Connection.Cases.WatchCases(new WatchCasesRequest { FromSequence = run.Get(from) }, cancellationToken: run.Cancellation);
            try
            {
                while (await call.ResponseStream.MoveNext(run.Cancellation))
                {
                    var n = call.ResponseStream.Current;
                    if (run.Json)
                    {
                        run.WriteJson(n);
                        continue;
                    }

                    var line = new Table("", "", "", "", "", "").Add(
                        "#" + n.Sequence.ToString(CultureInfo.InvariantCulture), run.Local(n.Event.At), n.CaseNumber, n.Event.Type, "-> " + Names.Of(run, n.Status), n.Event.Note);
                    line.WriteRows(run.Out);
                    await run.Out.FlushAsync(run.Cancellation);
                }
            }
            catch (Exception e) when (run.Cancellation.IsCancellationRequested && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
            {
                // Ctrl+C is how a watch ends.
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
