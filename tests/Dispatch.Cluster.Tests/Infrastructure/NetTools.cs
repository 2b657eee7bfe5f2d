using System.Diagnostics;

namespace Dispatch.Cluster.Tests.Infrastructure;

/// <summary>
/// The iproute2 programs the partition tests drive (ip, tc, ss), found on the PATH or in the sbin
/// folders (which a non-login shell may leave off the PATH), and why they cannot be used here.
/// </summary>
internal static class NetTools
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(30);

    public static string? Ip { get; } = Find("ip");

    public static string? Tc { get; } = Find("tc");

    public static string? Ss { get; } = Find("ss");

    /// <summary>Why this machine cannot make network namespaces; null when it can.</summary>
    public static string? Unavailable { get; } =
        !OperatingSystem.IsLinux() ? "network namespaces need Linux"
        : !Environment.IsPrivilegedProcess ? "making network namespaces needs root (the tests do not run as root)"
        : Ip is null || Tc is null || Ss is null ? "ip, tc and ss (Debian package iproute2, see scripts/install-deps.sh) are not installed"
        : null;

    /// <summary>Runs one command to its end and returns its output; throws with its error output when it fails.</summary>
    public static async Task<string> RunAsync(string? program, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(program);
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(CommandLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"'{program} {string.Join(' ', args)}' did not finish within {CommandLimit.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{program} {string.Join(' ', args)}' failed with exit code {process.ExitCode}: {(await error).Trim()}");
        }

        return await output;
    }

    private static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"])
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
