using Dispatch.Cli.Import;

namespace Dispatch.Node.Tests.Cli;

/// <summary>The import's own parts: reading CSV as RFC 4180 writes it (and surviving what it forbids), and the progress display.</summary>
public sealed class ImportPartsTests
{
    [Fact]
    public void Read_QuotesLineBreaksBomAndCrLf_FieldsAsWritten()
    {
        var records = CsvReader.Read("\uFEFFa,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n\"two\nlines\",\n");

        Assert.Equal(3, records.Count);
        Assert.Equal(["a", "b"], records[0].Fields);
        Assert.Equal(["x, y", "say \"hi\""], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(["two\nlines", ""], records[2].Fields);
        Assert.Equal(4, records[2].Line);
        Assert.All(records, r => Assert.Null(r.Error));
    }

    [Fact]
    public void Read_MalformedRecords_OneErrorEachAndTheNextLinesStillRead()
    {
        var records = CsvReader.Read("a,b\nx\"y,b\n\"closed\"z,b\nlast,b\n\"open,b\n");

        Assert.Equal(5, records.Count);
        Assert.Contains("does not start with one", records[1].Error, StringComparison.Ordinal);
        Assert.Contains("after its closing quote", records[2].Error, StringComparison.Ordinal);
        Assert.Equal(["last", "b"], records[3].Fields);
        Assert.Equal(4, records[3].Line);
        Assert.Contains("never closed", records[4].Error, StringComparison.Ordinal);
        Assert.Equal("\"open,b", records[4].Text);
        Assert.Equal(5, records[4].Line);
    }

    [Fact]
    public void Progress_TerminalRedirectedAndJson_BarLinesOrNothing()
    {
        var terminal = new StringWriter();
        var redirected = new StringWriter();
        var bar = new ImportProgress(terminal, terminal: true, t => $"{t.Done}/{t.Total}");
        var lines = new ImportProgress(redirected, terminal: false, t => $"{t.Done}/{t.Total}");
        var json = new ImportProgress(null, terminal: true, t => $"{t.Done}/{t.Total}");

        foreach (var done in Enumerable.Range(0, 21))
        {
            var tally = new ImportTally(20, done, done, 0, 0);
            bar.Report(tally);
            lines.Report(tally);
            json.Report(tally);
        }

        bar.Finish();
        lines.Finish();
        json.Finish();
        Assert.StartsWith("\r[..............................] 0/20\r[", terminal.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("\r[##############################] 20/20" + Environment.NewLine, terminal.ToString(), StringComparison.Ordinal);
        Assert.Equal(["0/20", "2/20", "4/20", "6/20", "8/20", "10/20", "12/20", "14/20", "16/20", "18/20", "20/20"], redirected.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
