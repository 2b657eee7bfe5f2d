using Dispatch.Domain.Categories;
using Dispatch.Domain.Deadlines;

namespace Dispatch.Application.Directory;

/// <summary>A category of the node's catalogue with the deadline rule the node's policy gives it (null: the whistle class decides).</summary>
internal sealed record CatalogueEntry(Category Category, DeadlineRule? Deadline);
