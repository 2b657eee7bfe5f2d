using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Dispatch.Data.Tests.Infrastructure;

/// <summary>
/// SQL Server without a server: a context on the SQL Server provider with a connection string nothing connects to
/// (building the model, generating SQL and comparing snapshots never open it), and T-SQL checked by ScriptDom's parser
/// for SQL Server 2022. The parser catches syntax errors, not server rules (a wrong column name, error 1785).
/// </summary>
internal static class SqlServerOffline
{
    public static readonly DatabaseSettings Settings = new(
        DatabaseProvider.SqlServer, "Server=sqlserver.invalid;Database=dispatch;User ID=dispatch;Password=unused;TrustServerCertificate=true");

    public static DispatchDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<DispatchDbContext>();
        DispatchDbContextOptions.Configure(options, Settings);
        return new DispatchDbContext(options.Options);
    }

    /// <summary>
    /// The parser's errors for <paramref name="script"/>, one line each; empty when it parses. <c>GO</c> separates
    /// batches. The text of every <c>EXEC(N'...')</c> is parsed too: an idempotent migration script wraps statements
    /// in it (filtered indexes among them), where a parse of the script alone sees only a string.
    /// </summary>
    public static IReadOnlyList<string> ParseErrors(string script)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out var errors);
        var found = errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
        var executed = new ExecutedStrings();
        fragment?.Accept(executed);
        foreach (var text in executed.Texts)
        {
            found.AddRange(ParseErrors(text).Select(error => $"in EXEC('{text}'): {error}"));
        }

        return found;
    }

    /// <summary>The texts that <c>EXEC('...')</c> statements run (string literals only; a variable cannot be checked).</summary>
    private sealed class ExecutedStrings : TSqlFragmentVisitor
    {
        public List<string> Texts { get; } = [];

        public override void ExplicitVisit(ExecutableStringList node)
        {
            if (node.Strings.All(s => s is StringLiteral))
            {
                Texts.Add(string.Concat(node.Strings.Cast<StringLiteral>().Select(s => s.Value)));
            }

            base.ExplicitVisit(node);
        }
    }
}
