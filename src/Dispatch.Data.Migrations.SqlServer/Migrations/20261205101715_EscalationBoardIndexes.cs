using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dispatch.Data.Migrations
{
    /// <inheritdoc />
    public partial class EscalationBoardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_cases_escalated_in",
                table: "cases",
                column: "reported_at",
                filter: "origin_node_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_cases_escalated_out",
                table: "cases",
                column: "reported_at",
                filter: "escalated_to_node_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_escalated_in",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_escalated_out",
                table: "cases");
        }
    }
}
