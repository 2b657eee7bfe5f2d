namespace Dispatch.Cluster.Tests.Infrastructure;

/// <summary>A node process's output: every line to its log file, the last lines kept for failure messages.</summary>
internal sealed class NodeLog : IDisposable
{
    private const int TailLines = 40;
    private readonly Lock _gate = new();
    private readonly Queue<string> _tail = new();
    private readonly StreamWriter _file;
    private readonly string _path;
    private bool _closed;

    public NodeLog(string path)
    {
        _path = path;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _file = new StreamWriter(path, append: true) { AutoFlush = true };
    }

    public void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _file.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }

    public string Tail()
    {
        lock (_gate)
        {
            return string.Join('\n', _tail);
        }
    }

    /// <summary>Counts the lines written so far (the whole file, not only the tail) that match.</summary>
    public int CountLines(Func<string, bool> match)
    {
        lock (_gate)
        {
            using var reader = new StreamReader(new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            var count = 0;
            while (reader.ReadLine() is { } line)
            {
                count += match(line) ? 1 : 0;
            }

            return count;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
            _file.Dispose();
        }
    }
}
