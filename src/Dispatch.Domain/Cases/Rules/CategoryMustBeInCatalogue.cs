using Dispatch.Domain.Categories;
using Dispatch.Domain.Common;

namespace Dispatch.Domain.Cases.Rules;

internal sealed class CategoryMustBeInCatalogue(string fieldName, string? code, CategoryCatalogue catalogue) : IValidationRule
{
    public string Field => fieldName;

    public bool IsBroken() => !catalogue.Contains(code);

    public string Message => $"{fieldName} {ClientValue.Quote(code)} is not in the category catalogue.";
}
