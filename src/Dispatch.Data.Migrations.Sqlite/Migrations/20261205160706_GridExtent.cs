using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dispatch.Data.Migrations
{
    /// <inheritdoc />
    public partial class GridExtent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "extent_east",
                table: "grids",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "extent_north",
                table: "grids",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "extent_south",
                table: "grids",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "extent_west",
                table: "grids",
                type: "REAL",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "extent_east",
                table: "grids");

            migrationBuilder.DropColumn(
                name: "extent_north",
                table: "grids");

            migrationBuilder.DropColumn(
                name: "extent_south",
                table: "grids");

            migrationBuilder.DropColumn(
                name: "extent_west",
                table: "grids");
        }
    }
}
