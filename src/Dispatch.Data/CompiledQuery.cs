using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Data;

/// <summary>
/// An EF Core compiled query (<see cref="EF.CompileAsyncQuery{TContext, TResult}(System.Linq.Expressions.Expression{Func{TContext, IQueryable{TResult}}})"/>
/// and its overloads), compiled once per database provider. A compiled query binds to the model of the first
/// context it runs on, and EF refuses to run it on a context of another model: SQLite and PostgreSQL contexts
/// have different models, and the tests run both in one process.
/// </summary>
/// <remarks>
/// Worth it for a query that runs at every commit or change: EF otherwise extracts the parameters from the query's
/// expression tree and looks the tree up in its cache at each execution, which for a small query cost more CPU
/// than running it.
/// </remarks>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile)
    where TQuery : Delegate
{
    private readonly ConcurrentDictionary<string, TQuery> _byProvider = new(StringComparer.Ordinal);

    /// <summary>The query compiled for <paramref name="context"/>'s provider.</summary>
    public TQuery For(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _byProvider.GetOrAdd(context.Database.ProviderName ?? string.Empty, static (_, compile) => compile(), compile);
    }
}
