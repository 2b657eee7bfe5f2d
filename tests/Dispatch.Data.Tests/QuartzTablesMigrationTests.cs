using Dispatch.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dispatch.Data.Tests;

/// <summary>
/// A database Quartz used (it created its qrtz_ tables beside the node's, outside the migrations): the migration to
/// Hangfire drops them, rows, foreign keys and all, and leaves the node's own tables.
/// </summary>
public sealed class QuartzTablesMigrationTests
{
    [Theory]
    [ProviderData(DatabaseProvider.Sqlite)]
    [ProviderData(DatabaseProvider.Postgres)]
    public async Task Migrate_DatabaseWithQuartzTables_DropsThem(DatabaseProvider provider)
    {
        // Migrated, then taken back to the last migration of the Quartz days.
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var context = database.CreateContext();
        await context.GetService<IMigrator>().MigrateAsync("20261204000000_OutboxPartialIndexes");
        Assert.DoesNotContain("node_settings", await SchemaCatalog.DescribeAsync(context), StringComparison.Ordinal);

        // The shape Quartz gives them: a job, its trigger and the trigger's details, each referring to the one before.
        foreach (var sql in new[]
        {
            "CREATE TABLE QRTZ_JOB_DETAILS (SCHED_NAME VARCHAR(120) NOT NULL, JOB_NAME VARCHAR(150) NOT NULL, JOB_GROUP VARCHAR(150) NOT NULL, PRIMARY KEY (SCHED_NAME, JOB_NAME, JOB_GROUP))",
            "CREATE TABLE QRTZ_TRIGGERS (SCHED_NAME VARCHAR(120) NOT NULL, TRIGGER_NAME VARCHAR(150) NOT NULL, TRIGGER_GROUP VARCHAR(150) NOT NULL, JOB_NAME VARCHAR(150) NOT NULL, JOB_GROUP VARCHAR(150) NOT NULL, PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP), FOREIGN KEY (SCHED_NAME, JOB_NAME, JOB_GROUP) REFERENCES QRTZ_JOB_DETAILS (SCHED_NAME, JOB_NAME, JOB_GROUP))",
            "CREATE TABLE QRTZ_SIMPLE_TRIGGERS (SCHED_NAME VARCHAR(120) NOT NULL, TRIGGER_NAME VARCHAR(150) NOT NULL, TRIGGER_GROUP VARCHAR(150) NOT NULL, PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP), FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) REFERENCES QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP))",
            "CREATE TABLE QRTZ_LOCKS (SCHED_NAME VARCHAR(120) NOT NULL, LOCK_NAME VARCHAR(40) NOT NULL, PRIMARY KEY (SCHED_NAME, LOCK_NAME))",
            "INSERT INTO QRTZ_JOB_DETAILS VALUES ('dispatch-node', 'sweep', 'deadlines')",
            "INSERT INTO QRTZ_TRIGGERS VALUES ('dispatch-node', 'safety', 'deadlines', 'sweep', 'deadlines')",
            "INSERT INTO QRTZ_SIMPLE_TRIGGERS VALUES ('dispatch-node', 'safety', 'deadlines')",
            "INSERT INTO QRTZ_LOCKS VALUES ('dispatch-node', 'TRIGGER_ACCESS')",
        })
        {
            await context.Database.ExecuteSqlRawAsync(sql);
        }

        Assert.Contains("qrtz_triggers", (await SchemaCatalog.DescribeAsync(context)).ToLowerInvariant(), StringComparison.Ordinal);

        await database.MigrateAsync();

        var catalogue = (await SchemaCatalog.DescribeAsync(context)).ToLowerInvariant();
        Assert.DoesNotContain("qrtz_", catalogue, StringComparison.Ordinal);
        Assert.Contains("node_settings", catalogue, StringComparison.Ordinal);
        Assert.Contains("cases", catalogue, StringComparison.Ordinal);
    }
}
