using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Dispatch.Data.Migrations;

/// <summary>
/// Column shapes for hand-written migrations. Most columns take the active provider's own mapping of
/// their CLR type, so one migration serves both; the helpers here cover the columns whose type differs.
/// </summary>
internal sealed class MigrationColumns(ColumnsBuilder columns, string? activeProvider)
{
    public const int EnumLength = 32;

    private readonly bool sqlite = activeProvider == "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>UTC ticks in an INTEGER on SQLite (see <c>UtcTicksConverter</c>), timestamptz on PostgreSQL.</summary>
    public OperationBuilder<AddColumnOperation> Timestamp(bool nullable = false) =>
        sqlite ? columns.Column<long>(nullable: nullable) : columns.Column<DateTimeOffset>(nullable: nullable);

    /// <summary>An enum stored by name.</summary>
    public OperationBuilder<AddColumnOperation> Enum(bool nullable = false) =>
        columns.Column<string>(maxLength: EnumLength, nullable: nullable);

    /// <summary>A list of strings: JSON text on SQLite, a varchar array on PostgreSQL.</summary>
    public OperationBuilder<AddColumnOperation> TextList(int elementMaxLength) =>
        sqlite
            ? columns.Column<string>(nullable: false)
            : columns.Column<string[]>(type: $"character varying({elementMaxLength})[]", nullable: false);

    /// <summary>A database-generated, ever-increasing 64-bit key.</summary>
    public OperationBuilder<AddColumnOperation> Identity() =>
        columns.Column<long>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
