using System.Collections.Concurrent;
using Dispatch.Contracts.V1;
using Dispatch.Node.Backup;
using Dispatch.Node.Tests.Infrastructure;
using Dispatch.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests.Backup;

/// <summary>
/// The operator's online backup of a node's SQLite file, run by the node program in a process of its own while
/// the node (real Kestrel, real SQLite file) takes reports, and its restore into a new node directory.
/// </summary>
public sealed class BackupRestoreTests(SqliteNodeFixture fixture) : IClassFixture<SqliteNodeFixture>, IDisposable
{
    private const int Callers = 4;
    private const int AcknowledgedBeforeBackup = 60;
    private readonly string _folder = Directory.CreateTempSubdirectory("dispatch-backup-test-").FullName;
    private readonly NodeTestHost _node = fixture.Node;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Backup_WhileTheNodeTakesReports_HoldsEveryAcknowledgedReportAndRestoresIntoANewNode()
    {
        var worker = await _node.CasesAsAsync("worker1");
        var acknowledged = new ConcurrentQueue<string>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var callers = Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            // Each call runs to its answer: when the callers stop, every committed report has been acknowledged.
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var reported = await worker.ReportCaseAsync(Report($"backup-{caller}-{i}"));
                acknowledged.Enqueue(reported.Case.Id);
                if (acknowledged.Count >= AcknowledgedBeforeBackup)
                {
                    enough.TrySetResult();
                }
            }
        })).ToList();

        await Task.WhenAny(enough.Task, Task.WhenAll(callers));
        var before = acknowledged.ToHashSet();
        var backupFile = Path.Combine(_folder, "node-backup.db");
        var backup = await NodeProgram.RunAsync("backup", "--database", NodeFolder(_node), "--to", backupFile);
        await stop.CancelAsync();
        await Task.WhenAll(callers);

        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Contains("integrity ok", backup.Output, StringComparison.Ordinal);
        Assert.True(before.Count >= AcknowledgedBeforeBackup);
        var into = Path.Combine(_folder, "restored-node");
        var restore = await NodeProgram.RunAsync("restore", "--from", backupFile, "--into", into);
        Assert.True(restore.ExitCode == 0, restore.Error);

        await using var restored = await NodeTestHost.StartAsync(StorageKind.Sqlite, new Dictionary<string, string?>
        {
            ["Node:DataDirectory"] = into,
            ["ConnectionStrings:Dispatch"] = $"Data Source={Path.Combine(into, BackupCommand.DatabaseFileName)}",
        });
        var found = await AllCaseIdsAsync(await restored.CasesAsAsync("dispatcher"));
        Assert.Empty(before.Except(found));
        Assert.Empty(found.Except(acknowledged));
        Assert.Contains($" {found.Count} cases", restore.Output, StringComparison.Ordinal);

        var first = await (await restored.CasesAsAsync("dispatcher")).GetCaseAsync(new GetCaseRequest { CaseId = before.First() });
        Assert.Equal(CaseStatus.Reported, first.Case.Status);
        Assert.Contains(first.Case.History, e => e.Type == "CaseReported");
    }

    [Fact]
    public async Task Restore_IntoAFolderWithADatabase_IsRefusedAndChangesNothing()
    {
        var backupFile = Path.Combine(_folder, "refused.db");
        Assert.Equal(0, Run("backup", "--database", NodeFolder(_node), "--to", backupFile).ExitCode);
        var existing = Path.Combine(_folder, "existing");
        Directory.CreateDirectory(existing);
        var database = Path.Combine(existing, BackupCommand.DatabaseFileName);
        await File.WriteAllTextAsync(database, "not to be overwritten");

        var (exitCode, error) = Run("restore", "--from", backupFile, "--into", existing);

        Assert.Equal(1, exitCode);
        Assert.Contains("exists already", error, StringComparison.Ordinal);
        Assert.Equal("not to be overwritten", await File.ReadAllTextAsync(database));
    }

    [Fact]
    public async Task Backup_ToAnExistingFile_IsRefusedAndChangesNothing()
    {
        var target = Path.Combine(_folder, "taken.db");
        await File.WriteAllTextAsync(target, "an older backup");

        var (exitCode, error) = Run("backup", "--database", NodeFolder(_node), "--to", target);

        Assert.Equal(1, exitCode);
        Assert.Contains("exists already", error, StringComparison.Ordinal);
        Assert.Equal("an older backup", await File.ReadAllTextAsync(target));
        Assert.Equal(target, Assert.Single(Directory.GetFiles(_folder)));
    }

    [Fact]
    public async Task Restore_OfAFileThatIsNoDatabase_IsRefusedAndWritesNothing()
    {
        var notADatabase = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(notADatabase, "this is not a SQLite file, though long enough to look like one at first glance");
        var into = Path.Combine(_folder, "never");

        var (exitCode, error) = Run("restore", "--from", notADatabase, "--into", into);

        Assert.Equal(1, exitCode);
        Assert.Contains("not a readable SQLite database", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(into));
    }

    [Fact]
    public void Backup_OfAPostgresNode_IsRefusedWithThePointerToItsRecipe()
    {
        var (exitCode, error) = Run("backup", "--to", Path.Combine(_folder, "pg.db"), "--Database:Provider=Postgres", "--ConnectionStrings:Dispatch=Host=127.0.0.1;Database=x");

        Assert.Equal(1, exitCode);
        Assert.Contains("pg_dump", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Theory]
    [InlineData("backup", "--database", "x")]
    [InlineData("restore", "--from", "x")]
    [InlineData("restore", "--from", "x", "--into", "y", "--colour", "red")]
    public void Verb_WithoutItsRequiredOrWithAnUnknownOption_IsAUsageError(params string[] args)
    {
        var (exitCode, error) = Run(args);

        Assert.Equal(2, exitCode);
        Assert.Contains("usage:", error, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Error) Run(params string[] args)
    {
        using var error = new StringWriter();
        var exitCode = BackupCommand.Run(args, TextWriter.Null, error);
        return (exitCode, error.ToString());
    }

    private static string NodeFolder(NodeTestHost node) =>
        Path.GetDirectoryName(node.Services.GetRequiredService<DatabaseSettings>().SqliteFilePath())!;

    private static async Task<HashSet<string>> AllCaseIdsAsync(CaseService.CaseServiceClient cases)
    {
        var ids = new HashSet<string>();
        var token = "";
        do
        {
            var page = await cases.ListCasesAsync(new ListCasesRequest { PageSize = 200, PageToken = token });
            ids.UnionWith(page.Cases.Select(c => c.Id));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return ids;
    }

    private static ReportCaseRequest Report(string requestId) => new()
    {
        RequestId = requestId,
        Title = "Overflowing bins",
        CategoryCode = "0201",
        GridId = NodeTestBase.Grid1,
        Location = new Location { Latitude = 39.9, Longitude = 116.4, Address = "North gate" },
        Whistle = WhistleClass.Daily,
        HandlingMode = HandlingMode.Fast,
    };
}
