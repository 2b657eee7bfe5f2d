using Dispatch.Cli.App;
using Dispatch.Cli.Texts;

namespace Dispatch.Cli.Output;

/// <summary>
/// The one way every list command pages: one page (then the exact command for the next one), or with --all every page
/// to the end. People get one table of everything fetched; --json gets each response as one line (JSON lines).
/// </summary>
internal static class Paging
{
    public static async Task<int> RunAsync<TItem>(
        CommandRun run,
        PageOptions options,
        Func<string, int, Task<Page<TItem>>> fetch,
        Action<IReadOnlyList<TItem>> print,
        Text empty)
    {
        var all = run.Get(options.All);
        var token = run.Get(options.Token) ?? "";
        var items = new List<TItem>();
        Page<TItem> page;
        do
        {
            page = await fetch(token, run.Get(options.Size));
            if (run.Json)
            {
                run.WriteJson(page.Response);
            }

            items.AddRange(page.Items);
            token = page.NextPageToken;
        }
        while (all && token.Length > 0);

        if (run.Json)
        {
            return ExitCodes.Ok;
        }

        if (items.Count == 0)
        {
            run.Line(run.T(empty));
        }
        else
        {
            print(items);
        }

        if (token.Length > 0)
        {
            run.Line(run.T(CoreTexts.NextPage, NextCommand(run.Cli.Args, token)));
        }

        return ExitCodes.Ok;
    }

    /// <summary>The command line as given, with the next page's token in place of any earlier one.</summary>
    public static string NextCommand(IReadOnlyList<string> args, string token)
    {
        var kept = new List<string> { "dispatch" };
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--page-token")
            {
                i++;
                continue;
            }

            if (!args[i].StartsWith("--page-token=", StringComparison.Ordinal))
            {
                kept.Add(Quote(args[i]));
            }
        }

        kept.Add("--page-token");
        kept.Add(Quote(token));
        return string.Join(' ', kept);
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_./:=,@+".Contains(c)) ? arg : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
