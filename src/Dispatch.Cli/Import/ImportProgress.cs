namespace Dispatch.Cli.Import;

/// <summary>
/// Shows an import's progress: a bar redrawn in place on a terminal, a plain line at every tenth of the rows when the
/// output goes to a file or a pipe, nothing at all when <paramref name="writer"/> is null (--json).
/// </summary>
internal sealed class ImportProgress(TextWriter? writer, bool terminal, Func<ImportTally, string> describe)
{
    private const int BarWidth = 30;

    private readonly Lock _lock = new();
    private int _lastStep = -1;
    private bool _drawn;

    public void Report(ImportTally tally)
    {
        if (writer is null)
        {
            return;
        }

        lock (_lock)
        {
            if (terminal)
            {
                var filled = tally.Total == 0 ? BarWidth : tally.Done * BarWidth / tally.Total;
                writer.Write($"\r[{new string('#', filled)}{new string('.', BarWidth - filled)}] {describe(tally)}");
                _drawn = true;
                return;
            }

            var step = tally.Total == 0 ? 10 : tally.Done * 10 / tally.Total;
            if (step != _lastStep)
            {
                _lastStep = step;
                writer.WriteLine(describe(tally));
            }
        }
    }

    /// <summary>Ends the bar's line, so what follows starts on a line of its own.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (_drawn)
            {
                writer!.WriteLine();
                _drawn = false;
            }
        }
    }
}
