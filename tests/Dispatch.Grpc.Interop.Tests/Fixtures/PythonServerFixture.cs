using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Dispatch.Grpc.Interop.Tests.Fixtures;

/// <summary>
/// Runs interop_server.py (python grpcio) as a subprocess for the lifetime of a test class. The
/// server stops when its standard input closes, so it also goes away if the test host dies.
/// </summary>
public sealed class PythonServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    private readonly StringBuilder _standardError = new();
    private Process? _process;

    public int Port { get; private set; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    /// <summary>What the server wrote to stderr so far (python tracebacks end up here).</summary>
    public string StandardError
    {
        get
        {
            lock (_standardError)
            {
                return _standardError.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        _process = PythonInterop.Start("interop_server.py");
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_standardError)
            {
                _standardError.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();

        string? line;
        using (var limit = new CancellationTokenSource(StartLimit))
        {
            try
            {
                line = await _process.StandardOutput.ReadLineAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new InvalidOperationException($"interop_server.py printed no port within {StartLimit.TotalSeconds} s. stderr:\n{StandardError}");
            }
        }

        if (line is null || !int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(StartLimit).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            var exit = _process.HasExited ? $"exited with code {_process.ExitCode}" : "is still running";
            throw new InvalidOperationException(
                $"interop_server.py did not print its port (first line: '{line}') and {exit}. stderr:\n{StandardError}");
        }

        Port = port;
    }

    public async Task DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
