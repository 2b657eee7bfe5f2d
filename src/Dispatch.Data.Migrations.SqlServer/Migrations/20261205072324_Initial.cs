using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dispatch.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_feed",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    case_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    event_type = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_feed", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    escalated_to_node_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Latin1_General_100_BIN2"),
                    parent_case_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    parent_status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true, collation: "Latin1_General_100_BIN2"),
                    origin_node_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Latin1_General_100_BIN2"),
                    origin_case_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    origin_case_number = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true, collation: "Latin1_General_100_BIN2"),
                    number = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    request_id = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false, collation: "Latin1_General_100_BIN2"),
                    title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false, collation: "Latin1_General_100_BIN2"),
                    category_code = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false, collation: "Latin1_General_100_BIN2"),
                    grid_id = table.Column<string>(type: "nvarchar(15)", maxLength: 15, nullable: false, collation: "Latin1_General_100_BIN2"),
                    whistle = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    handling_mode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    reporter_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    assignee_kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true, collation: "Latin1_General_100_BIN2"),
                    assignee_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    resolved_by = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    reported_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    deferred_until = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    paused_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    status_before_deferral = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true, collation: "Latin1_General_100_BIN2"),
                    paused_total = table.Column<long>(type: "bigint", nullable: false),
                    overdue = table.Column<bool>(type: "bit", nullable: false),
                    remind_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    reminded = table.Column<bool>(type: "bit", nullable: false, defaultValue: false),
                    supervision_due_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    supervision_breached = table.Column<bool>(type: "bit", nullable: false, defaultValue: false),
                    next_alarm_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    evidence_refs = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    satisfaction = table.Column<int>(type: "int", nullable: true),
                    rework_count = table.Column<int>(type: "int", nullable: false),
                    merged_into_case_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    version = table.Column<int>(type: "int", nullable: false),
                    location_address = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false, collation: "Latin1_General_100_BIN2"),
                    location_latitude = table.Column<double>(type: "float", nullable: false),
                    location_longitude = table.Column<double>(type: "float", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "departments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_departments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "grids",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(15)", maxLength: 15, nullable: false, collation: "Latin1_General_100_BIN2"),
                    name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_grids", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    case_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    payload = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    attempts = table.Column<int>(type: "int", nullable: false),
                    refused_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    refusal_code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true, collation: "Latin1_General_100_BIN2"),
                    refusal_message = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Latin1_General_100_BIN2"),
                    refused_by = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Latin1_General_100_BIN2")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "parent_cursors",
                columns: table => new
                {
                    parent_node_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    last_sequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_parent_cursors", x => x.parent_node_id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    case_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    case_number = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    case_title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    grid_id = table.Column<string>(type: "nvarchar(15)", maxLength: 15, nullable: false, collation: "Latin1_General_100_BIN2"),
                    category_code = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false, collation: "Latin1_General_100_BIN2"),
                    case_node_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    supervisor_node_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    department_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false, collation: "Latin1_General_100_BIN2"),
                    opened_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    updated_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    acknowledged_by = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    version = table.Column<int>(type: "int", nullable: false),
                    next_alarm_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supervision_orders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "case_events",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    sequence = table.Column<int>(type: "int", nullable: false),
                    type = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    actor_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    from_status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true, collation: "Latin1_General_100_BIN2"),
                    to_status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Latin1_General_100_BIN2"),
                    evidence_refs = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    satisfaction = table.Column<int>(type: "int", nullable: true),
                    assignee_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    assignee_kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true, collation: "Latin1_General_100_BIN2")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_events", x => new { x.case_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_case_events_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    user_name = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    display_name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    role = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    password_hash = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: false, collation: "Latin1_General_100_BIN2"),
                    grid_ids = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    department_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                    table.ForeignKey(
                        name: "fk_users_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_events_type_at",
                table: "case_events",
                columns: new[] { "type", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_assignee_kind_assignee_id_reported_at",
                table: "cases",
                columns: new[] { "assignee_kind", "assignee_id", "reported_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_category_code_reported_at",
                table: "cases",
                columns: new[] { "category_code", "reported_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_closed_at",
                table: "cases",
                column: "closed_at",
                filter: "closed_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_cases_due_at",
                table: "cases",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_cases_grid_id_category_code_reported_at",
                table: "cases",
                columns: new[] { "grid_id", "category_code", "reported_at" },
                filter: "status IN ('Reported', 'Accepted', 'Assigned', 'InProgress', 'Resolved', 'Returned', 'Deferred')");

            migrationBuilder.CreateIndex(
                name: "ix_cases_grid_id_reported_at",
                table: "cases",
                columns: new[] { "grid_id", "reported_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_grid_id_status_reported_at",
                table: "cases",
                columns: new[] { "grid_id", "status", "reported_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_next_alarm_at",
                table: "cases",
                column: "next_alarm_at",
                filter: "next_alarm_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_cases_number",
                table: "cases",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_origin_node_id_origin_case_id",
                table: "cases",
                columns: new[] { "origin_node_id", "origin_case_id" },
                unique: true,
                filter: "origin_node_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_cases_overdue_reported_at",
                table: "cases",
                columns: new[] { "overdue", "reported_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_reported_at",
                table: "cases",
                column: "reported_at");

            migrationBuilder.CreateIndex(
                name: "ix_cases_reporter_id_request_id",
                table: "cases",
                columns: new[] { "reporter_id", "request_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_status_reported_at",
                table: "cases",
                columns: new[] { "status", "reported_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_whistle_reported_at",
                table: "cases",
                columns: new[] { "whistle", "reported_at" });

            migrationBuilder.CreateIndex(
                name: "ix_departments_code",
                table: "departments",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                table: "outbox_messages",
                column: "sequence",
                filter: "delivered_at IS NULL AND refused_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_refused",
                table: "outbox_messages",
                column: "sequence",
                filter: "refused_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_supervision_orders_case_id",
                table: "supervision_orders",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_supervision_orders_department_id_status",
                table: "supervision_orders",
                columns: new[] { "department_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_supervision_orders_next_alarm_at",
                table: "supervision_orders",
                column: "next_alarm_at");

            migrationBuilder.CreateIndex(
                name: "ix_supervision_orders_status_opened_at",
                table: "supervision_orders",
                columns: new[] { "status", "opened_at" });

            migrationBuilder.CreateIndex(
                name: "ix_users_department_id",
                table: "users",
                column: "department_id");

            migrationBuilder.CreateIndex(
                name: "ix_users_user_name",
                table: "users",
                column: "user_name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_events");

            migrationBuilder.DropTable(
                name: "case_feed");

            migrationBuilder.DropTable(
                name: "grids");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "parent_cursors");

            migrationBuilder.DropTable(
                name: "supervision_orders");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropTable(
                name: "departments");
        }
    }
}
