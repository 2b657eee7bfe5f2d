namespace Dispatch.Domain.Categories;

/// <summary>
/// One entry of the category catalogue. Top-level codes have 2 digits (<c>02</c> Sanitation);
/// subcategories have 4 and start with their parent's code (<c>0202</c> Exposed refuse).
/// </summary>
public sealed record Category(string Code, string Name, string? ParentCode)
{
    public bool IsTopLevel => ParentCode is null;
}
