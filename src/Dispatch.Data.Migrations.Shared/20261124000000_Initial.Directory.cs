using Microsoft.EntityFrameworkCore.Migrations;

namespace Dispatch.Data.Migrations;

/// <summary>Tables <c>grids</c>, <c>departments</c> and <c>users</c>.</summary>
internal sealed partial class Initial
{
    private static void CreateDirectory(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "grids",
            columns: table => new
            {
                id = table.Column<string>(maxLength: 15, nullable: false),
                name = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_grids", x => x.id));

        migrationBuilder.CreateTable(
            name: "departments",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                code = table.Column<string>(maxLength: 32, nullable: false),
                name = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_departments", x => x.id));
        migrationBuilder.CreateIndex("ix_departments_code", "departments", "code", unique: true);

        migrationBuilder.CreateTable(
            name: "users",
            columns: table =>
            {
                var c = new MigrationColumns(table, migrationBuilder.ActiveProvider);
                return new
                {
                    id = table.Column<Guid>(nullable: false),
                    user_name = table.Column<string>(maxLength: 64, nullable: false),
                    display_name = table.Column<string>(maxLength: 100, nullable: false),
                    role = c.Enum(),
                    password_hash = table.Column<string>(maxLength: 1024, nullable: false),
                    grid_ids = c.TextList(elementMaxLength: 15),
                    department_id = table.Column<Guid>(nullable: true),
                };
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_users", x => x.id);
                table.ForeignKey(
                    "fk_users_departments_department_id", x => x.department_id, "departments", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_users_user_name", "users", "user_name", unique: true);
        migrationBuilder.CreateIndex("ix_users_department_id", "users", "department_id");
    }
}
