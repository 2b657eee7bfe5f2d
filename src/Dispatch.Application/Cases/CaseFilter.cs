using Dispatch.Domain.Cases;
using Dispatch.Domain.Geography;

namespace Dispatch.Application.Cases;

/// <summary>The command centre's list filters; every one is backed by an index.</summary>
internal sealed record CaseFilter
{
    public IReadOnlyList<CaseStatus> Statuses { get; init; } = [];

    /// <summary>Whether a top-level <see cref="CategoryCode"/> takes its whole subtree (the default) or only cases filed under that code itself.</summary>
    public bool CategorySubtree { get; init; } = true;

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
        if (Statuses.Count == 1)
        {
            // Equality, which both providers serve as a range of the (status, reported_at) index; PostgreSQL
            // planned "= ANY (array of one)" as a scan of every case in that status and a sort.
            var status = Statuses[0];
            cases = cases.Where(c => c.Status == status);
        }
        else if (Statuses.Count > 1)
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
            cases = cases.Where(c => c.AssigneeKind == assignee.Kind && c.AssigneeId == assignee.Id);
        }

        if (Whistle is { } whistle)
        {
            cases = cases.Where(c => c.Whistle == whistle);
        }

        if (!string.IsNullOrEmpty(CategoryCode))
        {
            var code = CategoryCode;
            // A leaf code names one category: equality is a range of the (category, reported_at) index,
            // where a prefix match (LIKE) is not on SQLite. A top-level code takes its whole subtree.
            cases = code.Length >= Domain.Categories.Category.LeafCodeLength || !CategorySubtree
                ? cases.Where(c => c.CategoryCode == code)
                : cases.Where(c => c.CategoryCode.StartsWith(code));
        }

        if (OverdueOnly)
        {
            // Compared with a value, not tested as it stands: SQLite uses the (overdue, reported_at) index for
            // "overdue = ?" but scans for a bare "WHERE overdue".
            var overdue = true;
            cases = cases.Where(c => c.Overdue == overdue);
        }

        if (!string.IsNullOrEmpty(Text))
        {
            var text = Text.Trim();
            if (CaseNumbers.IsNumber(text))
            {
                // A whole case number, this node's or (for a case escalated here) the child's: a lookup on each
                // one's index, not a scan of every title.
                var number = text.ToUpperInvariant();
                cases = cases.Where(c => c.Number == number || c.Origin!.CaseNumber == number);
            }
            else
            {
                cases = cases.Where(c => c.Title.Contains(text) || c.Number.Contains(text) || c.Origin!.CaseNumber.Contains(text));
            }
        }

        return cases;
    }
}
