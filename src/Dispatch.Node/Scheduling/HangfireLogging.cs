using Hangfire.Logging;
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Dispatch.Node.Scheduling;

/// <summary>
/// Hangfire's log output into the node's logging. Hangfire keeps one log provider per process and its components
/// keep their loggers; several nodes can live in one process, one after another (tests) or side by side (the local
/// platform). This provider writes through the logger factory of the node that configured Hangfire last, and
/// writes nothing once that factory is disposed, instead of failing the component that logs.
/// </summary>
internal sealed class HangfireLogging : ILogProvider
{
    public static readonly HangfireLogging Instance = new();

    private ILoggerFactory? _factory;

    private HangfireLogging()
    {
    }

    /// <summary>Routes Hangfire's logs to <paramref name="factory"/> from now on.</summary>
    public HangfireLogging Attach(ILoggerFactory factory)
    {
        Volatile.Write(ref _factory, factory);
        return this;
    }

    public ILog GetLogger(string name) => new NodeLog(this, name);

    private sealed class NodeLog(HangfireLogging owner, string name) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (Volatile.Read(ref owner._factory) is not { } factory)
            {
                return false;
            }

            var level = logLevel switch
            {
                Hangfire.Logging.LogLevel.Trace => MsLogLevel.Trace,
                Hangfire.Logging.LogLevel.Debug => MsLogLevel.Debug,
                Hangfire.Logging.LogLevel.Info => MsLogLevel.Information,
                Hangfire.Logging.LogLevel.Warn => MsLogLevel.Warning,
                Hangfire.Logging.LogLevel.Error => MsLogLevel.Error,
                _ => MsLogLevel.Critical,
            };
            try
            {
                var logger = factory.CreateLogger(name);
                if (messageFunc is null)
                {
                    return logger.IsEnabled(level);
                }

                logger.Log(level, 0, messageFunc(), exception, static (message, _) => message);
                return true;
            }
            catch (ObjectDisposedException)
            {
                Interlocked.CompareExchange(ref owner._factory, null, factory);
                return false;
            }
        }
    }
}
