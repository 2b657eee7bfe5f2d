using Dispatch.Application.Cases;
using Dispatch.Application.Directory;
using Dispatch.Application.Security;
using Dispatch.Domain.Categories;
using Dispatch.Domain.Directory;
using Microsoft.AspNetCore.Components;

namespace Dispatch.Node.Dashboard.Pages;

/// <summary>
/// Reporting from a phone or a desk. The form has one request id for its life, so a second submit of it (a double tap,
/// a retry after a dropped connection) returns the case the first created; on success the case's page opens.
/// </summary>
public sealed partial class Report
{
    private readonly ReportForm _form = new();
    private IReadOnlyList<Grid> _grids = [];
    private bool _busy;

    [Inject] private CaseCommands Commands { get; set; } = default!;

    [Inject] private GridDirectory Grids { get; set; } = default!;

    [Inject] private CategoryCatalogue Catalogue { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        await RunAsync(async () =>
        {
            var caller = await CallerAsync();
            var grids = await Grids.ListAsync(caller, CancellationToken.None);
            // The grids the caller may report in (the table's scope for reporting).
            var scope = CasePermissions.RowOf(CaseOperation.Report).ScopeOf(caller.Role);
            _grids = scope is { } s ? grids.Where(g => caller.CoversGrid(s, g.Id)).ToList() : [];
            if (_grids.Count == 1)
            {
                _form.Grid = _grids[0].Id.Value;
            }
        });
    }

    private async Task SubmitAsync()
    {
        _busy = true;
        try
        {
            ReportOutcome? outcome = null;
            if (await RunAsync(async () => outcome = await Commands.ReportAsync(await CallerAsync(), _form.ToInput(), CancellationToken.None)))
            {
                Navigation.NavigateTo($"cases/{outcome!.Case.Id}");
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
