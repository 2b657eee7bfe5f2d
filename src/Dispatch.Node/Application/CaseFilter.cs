using Dispatch.Domain.Cases;
using Dispatch.Domain.Geography;

namespace Dispatch.Node.Application;

/// <summary>The command centre's list filters; every one is backed by an index.</summary>
internal sealed record CaseFilter
{
    public IReadOnlyList<CaseStatus> Statuses { get; init; } = [];

    public GridId? GridId { get; init; }

    public Assignee? Assignee { get; init; }

    public WhistleClass? Whistle { get; init; }

    public string? CategoryCode { get; init; }

    public bool OverdueOnly { get; init; }

    public string? Text { get; init; }

    public int PageSize { get; init; } = CaseQueries.DefaultPageSize;

    public string? PageToken { get; init; }

    public bool DueFirst { get; init; }

    public IQueryable<Case> Apply(IQueryable<Case> cases)
    {
        if (Statuses.Count > 0)
        {
            var statuses = Statuses.ToArray();
            cases = cases.Where(c => statuses.Contains(c.Status));
        }

        if (GridId is { } grid)
        {
            cases = cases.Where(c => c.GridId == grid);
        }

        if (Assignee is { } assignee)
        {
            cases = cases.Where(c => c.Assignee != null && c.Assignee.Kind == assignee.Kind && c.Assignee.Id == assignee.Id);
        }

        if (Whistle is { } whistle)
        {
            cases = cases.Where(c => c.Whistle == whistle);
        }

        if (!string.IsNullOrEmpty(CategoryCode))
        {
            var code = CategoryCode;
            cases = cases.Where(c => c.CategoryCode.StartsWith(code));
        }

        if (OverdueOnly)
        {
            cases = cases.Where(c => c.Overdue);
        }

        if (!string.IsNullOrEmpty(Text))
        {
            var text = Text;
            cases = cases.Where(c => c.Title.Contains(text) || c.Number.Contains(text));
        }

        return cases;
    }
}
