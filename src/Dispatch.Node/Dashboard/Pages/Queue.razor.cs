using System.Threading.Channels;
using Dispatch.Application.Cases;
using Dispatch.Application.Directory;
using Dispatch.Application.Errors;
using Dispatch.Application.Feed;
using Dispatch.Application.Security;
using Dispatch.Application.Stats.Reports;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Categories;
using Dispatch.Domain.Directory;
using Dispatch.Node.Dashboard.Shared;
using Dispatch.Domain.Geography;
using Dispatch.Node.Grpc;
using Microsoft.AspNetCore.Components;

namespace Dispatch.Node.Dashboard.Pages;

/// <summary>
/// The live queue: a view (a set of statuses) and filters from the address (bookmarkable; the back button works), one
/// page of 50 by keyset tokens, refreshed from the node's case feed at most every <see cref="RefreshEvery"/>.
/// </summary>
public sealed partial class Queue : IAsyncDisposable
{
    /// <summary>How often a busy feed redraws the page at most; pacing work on the machine, so on its real clock.</summary>
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMilliseconds(300);

    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly List<string> _tokens = [""];
    private Dictionary<string, int> _versions = [];
    private HashSet<string> _fresh = [];
    private IReadOnlyList<Case> _cases = [];
    private IReadOnlyList<Grid> _grids = [];
    private IReadOnlyList<Department> _departments = [];
    private Dictionary<Guid, string> _names = [];
    private string _next = "";
    private string? _filters;
    private string _text = "";
    private int _loads;
    private Task? _live;

    [Inject] private CaseQueries Cases { get; set; } = default!;

    [Inject] private CaseFeedReader Feed { get; set; } = default!;

    [Inject] private GridDirectory Grids { get; set; } = default!;

    [Inject] private DepartmentDirectory Departments { get; set; } = default!;

    [Inject] private UserDirectory Users { get; set; } = default!;

    [Inject] private CategoryCatalogue Catalogue { get; set; } = default!;

    [Inject] private ReportCalendar Calendar { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "view")] public string? View { get; set; }

    [SupplyParameterFromQuery(Name = "status")] public string? Status { get; set; }

    [SupplyParameterFromQuery(Name = "grid")] public string? Grid { get; set; }

    [SupplyParameterFromQuery(Name = "category")] public string? Category { get; set; }

    [SupplyParameterFromQuery(Name = "whistle")] public string? Whistle { get; set; }

    [SupplyParameterFromQuery(Name = "dept")] public string? Dept { get; set; }

    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }

    [SupplyParameterFromQuery(Name = "page")] public string? Page { get; set; }

    private QueueView CurrentView => QueueView.Of(View);

    private int PageIndex => _tokens.IndexOf(Page ?? "");

    protected override async Task OnInitializedAsync()
    {
        await RunAsync(async () =>
        {
            var caller = await CallerAsync();
            var grids = await Grids.ListAsync(caller, CancellationToken.None);
            // The filters offer what the caller's list scope reaches (another grid or department is refused).
            var scope = CasePermissions.EnsureCanList(caller);
            _grids = grids.Where(g => caller.CoversGrid(scope, g.Id)).ToList();
            var departments = await Departments.ListAsync(caller, CancellationToken.None);
            _departments = departments.Where(d => caller.CoversDepartment(scope, d.Id)).ToList();
            _names = departments.ToDictionary(d => d.Id, d => d.Name);
            if (UserDirectory.ListWorkers.Allows(caller.Role))
            {
                foreach (var worker in await Users.ListWorkersAsync(caller, CancellationToken.None))
                {
                    _names[worker.Id] = worker.DisplayName;
                }
            }
        });
    }

    protected override async Task OnParametersSetAsync()
    {
        _text = Q ?? "";

        // Page tokens belong to one set of filters: other filters start from the first page again.
        var filters = Navigation.GetUriWithQueryParameter("page", (string?)null);
        if (filters != _filters)
        {
            _filters = filters;
            _tokens.RemoveRange(1, _tokens.Count - 1);
        }

        if (Page is { Length: > 0 } page && !_tokens.Contains(page))
        {
            _tokens.Add(page);
        }

        // A new address (filters or page) starts without marks; a live refresh marks what changed.
        await LoadAsync(markChanges: false);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            // Not while prerendering: the circuit follows the feed from its end on.
            _live = Task.WhenAll(FollowFeedAsync(_stop.Token), RedrawAsync(_stop.Token));
        }
    }

    private async Task LoadAsync(bool markChanges)
    {
        var load = ++_loads;
        IReadOnlyList<Case> cases = [];
        var next = "";
        var ok = await RunAsync(async () => (cases, next) = await Cases.ListAsync(await CallerAsync(), Filter(), CancellationToken.None));
        if (load != _loads || !ok)
        {
            return;
        }

        _fresh = markChanges
            ? cases.Where(c => !_versions.TryGetValue(c.Number, out var version) || version != c.Version).Select(c => c.Number).ToHashSet()
            : [];
        _versions = cases.ToDictionary(c => c.Number, c => c.Version);
        _cases = cases;
        _next = next;
    }

    private CaseFilter Filter() => new()
    {
        Statuses = string.IsNullOrEmpty(Status) ? CurrentView.Statuses : [ParseEnum<CaseStatus>(Status, "status")],
        GridId = string.IsNullOrEmpty(Grid) ? null : ContractMapper.ParseGrid(Grid, "grid"),
        CategoryCode = string.IsNullOrEmpty(Category) ? null : Category,
        Whistle = string.IsNullOrEmpty(Whistle) ? null : ParseEnum<WhistleClass>(Whistle, "whistle"),
        Assignee = string.IsNullOrEmpty(Dept) ? null : Assignee.Department(ContractMapper.ParseId(Dept, "dept")),
        Text = RequestLimits.SearchText(Q ?? ""),
        PageToken = string.IsNullOrEmpty(Page) ? null : Page,
        PageSize = CaseQueries.DefaultPageSize,
    };

    private static T ParseEnum<T>(string value, string field)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _)
            ? parsed
            : throw new InvalidRequestException(field, $"'{value}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");

    /// <summary>Reads the feed from its end on; each notice asks for one redraw (notices while one is pending merge into it).</summary>
    private async Task FollowFeedAsync(CancellationToken stop)
    {
        try
        {
            var caller = await CallerAsync();
            var end = await Feed.EndAsync(caller, stop);

            // What changed between the first render's read and the feed's end shows too.
            _changes.Writer.TryWrite(true);
            await foreach (var _ in Feed.WatchAsync(caller, end, stop))
            {
                _changes.Writer.TryWrite(true);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or NodeStoppingException)
        {
        }
    }

    private async Task RedrawAsync(CancellationToken stop)
    {
        try
        {
            while (await _changes.Reader.WaitToReadAsync(stop))
            {
                _changes.Reader.TryRead(out _);
                var started = TimeProvider.System.GetTimestamp();
                await InvokeAsync(async () =>
                {
                    await LoadAsync(markChanges: true);
                    StateHasChanged();
                });
                var rest = RefreshEvery - TimeProvider.System.GetElapsedTime(started);
                if (rest > TimeSpan.Zero)
                {
                    await Task.Delay(rest, TimeProvider.System, stop);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Go(params (string Name, string? Value)[] changes)
    {
        var parameters = new Dictionary<string, object?> { ["page"] = null };
        foreach (var (name, value) in changes)
        {
            parameters[name] = string.IsNullOrEmpty(value) ? null : value;
        }

        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(parameters));
    }

    private string ViewLink(QueueView view) =>
        Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["view"] = view == QueueView.Open ? null : view.Key, ["status"] = null, ["page"] = null });

    private void Search() => Go(("q", _text.Trim()));

    private void NextPage() => Go(("page", _next));

    private void PreviousPage() => Go(("page", _tokens[Math.Max(0, PageIndex - 1)]));

    private bool IsLate(Case c) => c.Overdue || (CaseLifecycle.IsOpen(c.Status) && c.Status != CaseStatus.Deferred && c.DueAt <= Clock.GetUtcNow());

    private string CategoryName(string code) => Catalogue.Find(code)?.Name ?? code;

    private string AssigneeName(Assignee? assignee) => assignee is null ? "" : _names.GetValueOrDefault(assignee.Id) ?? L[assignee.Kind.ToString()];

    private string Local(DateTimeOffset at) => NodeTime.Format(at, Calendar.Zone);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_live is not null)
        {
            await _live;
        }

        _stop.Dispose();
    }
}
