using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dispatch.Data.Migrations;

/// <summary>
/// Deadlines and supervision: each case's reminder, supervision deadline and next alarm (indexed: the
/// deadline job's query), and the supervision orders (breaches and summons).
/// </summary>
[DbContext(typeof(DispatchDbContext))]
[Migration("20261128000000_Deadlines")]
internal sealed class Deadlines : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var sqlite = migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite";
        void AddTimestamp(string name)
        {
            if (sqlite)
            {
                migrationBuilder.AddColumn<long>(name, "cases", nullable: true);
            }
            else
            {
                migrationBuilder.AddColumn<DateTimeOffset>(name, "cases", nullable: true);
            }
        }

        AddTimestamp("remind_at");
        migrationBuilder.AddColumn<bool>("reminded", "cases", nullable: false, defaultValue: false);
        AddTimestamp("supervision_due_at");
        migrationBuilder.AddColumn<bool>("supervision_breached", "cases", nullable: false, defaultValue: false);
        AddTimestamp("next_alarm_at");
        migrationBuilder.CreateIndex("ix_cases_next_alarm_at", "cases", "next_alarm_at");

        migrationBuilder.CreateTable(
            name: "supervision_orders",
            columns: table =>
            {
                var c = new MigrationColumns(table, migrationBuilder.ActiveProvider);
                return new
                {
                    id = table.Column<Guid>(nullable: false),
                    kind = c.Enum(),
                    case_id = table.Column<Guid>(nullable: false),
                    case_number = table.Column<string>(maxLength: 32, nullable: false),
                    case_title = table.Column<string>(maxLength: 200, nullable: false),
                    grid_id = table.Column<string>(maxLength: 15, nullable: false),
                    category_code = table.Column<string>(maxLength: 16, nullable: false),
                    case_node_id = table.Column<string>(maxLength: 64, nullable: false),
                    supervisor_node_id = table.Column<string>(maxLength: 64, nullable: false),
                    department_id = table.Column<Guid>(nullable: true),
                    reason = table.Column<string>(maxLength: 1000, nullable: false),
                    opened_at = c.Timestamp(),
                    due_at = c.Timestamp(),
                    status = c.Enum(),
                    updated_at = c.Timestamp(),
                    acknowledged_by = table.Column<Guid>(nullable: true),
                    acknowledged_at = c.Timestamp(nullable: true),
                    version = table.Column<int>(nullable: false),
                    next_alarm_at = c.Timestamp(nullable: true),
                };
            },
            constraints: table => table.PrimaryKey("pk_supervision_orders", x => x.id));
        migrationBuilder.CreateIndex("ix_supervision_orders_case_id", "supervision_orders", "case_id");
        migrationBuilder.CreateIndex("ix_supervision_orders_status_opened_at", "supervision_orders", ["status", "opened_at"]);
        migrationBuilder.CreateIndex("ix_supervision_orders_department_id_status", "supervision_orders", ["department_id", "status"]);
        migrationBuilder.CreateIndex("ix_supervision_orders_next_alarm_at", "supervision_orders", "next_alarm_at");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("supervision_orders");
        migrationBuilder.DropIndex("ix_cases_next_alarm_at", "cases");

        // SQLite cannot drop columns from a hand-written migration; they go when the table does.
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            return;
        }

        foreach (var column in new[] { "next_alarm_at", "supervision_breached", "supervision_due_at", "reminded", "remind_at" })
        {
            migrationBuilder.DropColumn(column, "cases");
        }
    }
}
