using Microsoft.EntityFrameworkCore.Migrations;

namespace Dispatch.Data.Migrations;

/// <summary>Tables <c>cases</c> (with the command centre's indexes), <c>case_events</c> and <c>case_feed</c>.</summary>
internal sealed partial class Initial
{
    private static void CreateCases(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "cases",
            columns: table =>
            {
                var c = new MigrationColumns(table, migrationBuilder.ActiveProvider);
                return new
                {
                    id = table.Column<Guid>(nullable: false),
                    number = table.Column<string>(maxLength: 32, nullable: false),
                    request_id = table.Column<string>(maxLength: 128, nullable: false),
                    title = table.Column<string>(maxLength: 200, nullable: false),
                    description = table.Column<string>(maxLength: 4000, nullable: false),
                    category_code = table.Column<string>(maxLength: 16, nullable: false),
                    grid_id = table.Column<string>(maxLength: 15, nullable: false),
                    location_latitude = table.Column<double>(nullable: false),
                    location_longitude = table.Column<double>(nullable: false),
                    location_address = table.Column<string>(maxLength: 500, nullable: false),
                    whistle = c.Enum(),
                    handling_mode = c.Enum(),
                    status = c.Enum(),
                    reporter_id = table.Column<Guid>(nullable: false),
                    assignee_kind = c.Enum(nullable: true),
                    assignee_id = table.Column<Guid>(nullable: true),
                    resolved_by = table.Column<Guid>(nullable: true),
                    reported_at = c.Timestamp(),
                    updated_at = c.Timestamp(),
                    resolved_at = c.Timestamp(nullable: true),
                    closed_at = c.Timestamp(nullable: true),
                    due_at = c.Timestamp(nullable: true),
                    deferred_until = c.Timestamp(nullable: true),
                    paused_at = c.Timestamp(nullable: true),
                    status_before_deferral = c.Enum(nullable: true),
                    paused_total = table.Column<long>(nullable: false),
                    overdue = table.Column<bool>(nullable: false),
                    evidence_refs = c.TextList(elementMaxLength: 512),
                    satisfaction = table.Column<int>(nullable: true),
                    rework_count = table.Column<int>(nullable: false),
                    merged_into_case_id = table.Column<Guid>(nullable: true),
                    version = table.Column<int>(nullable: false),
                };
            },
            constraints: table => table.PrimaryKey("pk_cases", x => x.id));

        migrationBuilder.CreateIndex("ix_cases_number", "cases", "number", unique: true);
        migrationBuilder.CreateIndex("ix_cases_reporter_id_request_id", "cases", ["reporter_id", "request_id"], unique: true);
        migrationBuilder.CreateIndex("ix_cases_status_reported_at", "cases", ["status", "reported_at"]);
        migrationBuilder.CreateIndex("ix_cases_grid_id_reported_at", "cases", ["grid_id", "reported_at"]);
        migrationBuilder.CreateIndex("ix_cases_category_code_reported_at", "cases", ["category_code", "reported_at"]);
        migrationBuilder.CreateIndex("ix_cases_whistle_reported_at", "cases", ["whistle", "reported_at"]);
        migrationBuilder.CreateIndex("ix_cases_assignee_kind_assignee_id", "cases", ["assignee_kind", "assignee_id"]);
        migrationBuilder.CreateIndex("ix_cases_due_at", "cases", "due_at");
        migrationBuilder.CreateIndex("ix_cases_reported_at", "cases", "reported_at");
    }

    private static void CreateCaseEvents(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "case_events",
            columns: table =>
            {
                var c = new MigrationColumns(table, migrationBuilder.ActiveProvider);
                return new
                {
                    case_id = table.Column<Guid>(nullable: false),
                    sequence = table.Column<int>(nullable: false),
                    type = c.Enum(),
                    actor_id = table.Column<Guid>(nullable: true),
                    at = c.Timestamp(),
                    from_status = c.Enum(nullable: true),
                    to_status = c.Enum(),
                    note = table.Column<string>(maxLength: 2000, nullable: true),
                    evidence_refs = c.TextList(elementMaxLength: 512),
                    assignee_kind = c.Enum(nullable: true),
                    assignee_id = table.Column<Guid>(nullable: true),
                    due_at = c.Timestamp(nullable: true),
                    satisfaction = table.Column<int>(nullable: true),
                };
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_case_events", x => new { x.case_id, x.sequence });
                table.ForeignKey(
                    "fk_case_events_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Cascade);
            });
    }

    private static void CreateCaseFeed(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "case_feed",
            columns: table =>
            {
                var c = new MigrationColumns(table, migrationBuilder.ActiveProvider);
                return new
                {
                    sequence = c.Identity(),
                    case_id = table.Column<Guid>(nullable: false),
                    event_type = c.Enum(),
                    at = c.Timestamp(),
                    status = c.Enum(),
                    version = table.Column<int>(nullable: false),
                };
            },
            constraints: table => table.PrimaryKey("pk_case_feed", x => x.sequence));
    }
}
