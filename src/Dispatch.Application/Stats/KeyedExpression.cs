using System.Linq.Expressions;
using Dispatch.Domain.Cases;
using static Dispatch.Application.Cases.ParameterReplacer;

namespace Dispatch.Application.Stats;

/// <summary>
/// Inlines a unit's key selector (a department id, a grid, an origin node) into a query lambda, so one
/// query shape serves every kind of unit and the database still sees plain columns.
/// </summary>
internal static class KeyedExpression
{
    /// <summary>From <c>(c, key) =&gt; body</c> makes <c>c =&gt; body</c> with the key taken from the case.</summary>
    public static Expression<Func<Case, TResult>> Select<TKey, TResult>(
        Expression<Func<Case, TKey, TResult>> template, Expression<Func<Case, TKey>> key)
    {
        var @case = template.Parameters[0];
        var body = Replace(template.Body, template.Parameters[1], Replace(key.Body, key.Parameters[0], @case));
        return Expression.Lambda<Func<Case, TResult>>(body, @case);
    }

    /// <summary>From <c>(e, c, key) =&gt; body</c> makes the join selector <c>(e, c) =&gt; body</c>.</summary>
    public static Expression<Func<CaseEvent, Case, TResult>> Join<TKey, TResult>(
        Expression<Func<CaseEvent, Case, TKey, TResult>> template, Expression<Func<Case, TKey>> key)
    {
        var @event = template.Parameters[0];
        var @case = template.Parameters[1];
        var body = Replace(template.Body, template.Parameters[2], Replace(key.Body, key.Parameters[0], @case));
        return Expression.Lambda<Func<CaseEvent, Case, TResult>>(body, @event, @case);
    }

    /// <summary><c>c =&gt; key of c == value</c>, the value a query parameter (not a constant in the SQL).</summary>
    public static Expression<Func<Case, bool>> KeyIs<TKey>(Expression<Func<Case, TKey>> key, TKey value)
    {
        Expression<Func<TKey>> parameter = () => value;
        return Expression.Lambda<Func<Case, bool>>(Expression.Equal(key.Body, parameter.Body), key.Parameters);
    }
}
