using System.Linq.Expressions;

namespace Dispatch.Application.Cases;

/// <summary>Rewrites a lambda's body with one of its parameters replaced: how query shapes are put together from parts.</summary>
internal sealed class ParameterReplacer(ParameterExpression parameter, Expression with) : ExpressionVisitor
{
    /// <summary><paramref name="body"/> with every use of <paramref name="parameter"/> replaced by <paramref name="with"/>.</summary>
    public static Expression Replace(Expression body, ParameterExpression parameter, Expression with) =>
        new ParameterReplacer(parameter, with).Visit(body);

    protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? with : base.VisitParameter(node);
}
