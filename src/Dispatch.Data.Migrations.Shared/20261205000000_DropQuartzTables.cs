using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dispatch.Data.Migrations;

/// <summary>
/// Hangfire replaces Quartz as the deadline scheduler. Quartz kept its persistent job store in the node's own
/// database (created by Quartz itself, outside the migrations, on SQLite and PostgreSQL): its tables go. Hangfire
/// keeps its jobs elsewhere (in memory on SQLite, its own schema on PostgreSQL and SQL Server); what must outlive
/// the scheduler, the fingerprint of the deadline policy that Quartz kept in its job data, is a row of
/// <c>node_settings</c> (each provider's generated migration NodeSettings). SQL Server never had Quartz.
/// </summary>
[DbContext(typeof(DispatchDbContext))]
[Migration("20261205000000_DropQuartzTables")]
internal sealed class DropQuartzTables : Migration
{
    /// <summary>Quartz 4's tables, children before the tables they reference.</summary>
    private static readonly string[] QuartzTables =
    [
        "qrtz_fired_triggers", "qrtz_simple_triggers", "qrtz_cron_triggers", "qrtz_simprop_triggers", "qrtz_blob_triggers",
        "qrtz_triggers", "qrtz_job_details", "qrtz_calendars", "qrtz_paused_trigger_grps", "qrtz_paused_job_grps",
        "qrtz_scheduler_state", "qrtz_locks", "qrtz_execution_history", "qrtz_misfire_history", "qrtz_job_status",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // SQLite has no CASCADE (the order above is enough there); PostgreSQL drops what else hangs on a table.
        var cascade = migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL" ? " CASCADE" : "";
        foreach (var table in QuartzTables)
        {
            migrationBuilder.Sql($"DROP TABLE IF EXISTS {table}{cascade};");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Quartz created its own tables when it started; a node rolled back to it does so again.
    }
}
