using Dispatch.Application.Cases;
using Dispatch.Application.Cases.Transitions;
using Dispatch.Application.Directory;
using Dispatch.Application.Errors;
using Dispatch.Application.Feed;
using Dispatch.Application.Stats.Reports;
using Dispatch.Application.Supervision;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Categories;
using Dispatch.Domain.Directory;
using Dispatch.Node.Dashboard.Shared;
using Microsoft.AspNetCore.Components;

namespace Dispatch.Node.Dashboard.Pages;

/// <summary>
/// One case: its facts, timeline and deadline, and exactly the actions <see cref="CaseActions"/> offers the caller. Each
/// action carries the version shown; a refusal is shown in words and changes nothing. Changes made elsewhere reload the
/// page, unless an action's form is open: then the page says so and offers a reload.
/// </summary>
public sealed partial class CaseDetail : IAsyncDisposable
{
    private static readonly IReadOnlySet<CaseAction> NoMoves = new HashSet<CaseAction>();
    private readonly CancellationTokenSource _stop = new();
    private Case? _case;
    private CaseChoices? _choices;
    private IReadOnlyList<Department> _departments = [];
    private IReadOnlyList<User> _workers = [];
    private Task? _live;
    private bool _changedElsewhere;

    [Inject] private CaseQueries Cases { get; set; } = default!;

    [Inject] private CaseTransitions Transitions { get; set; } = default!;

    [Inject] private CaseActions Actions { get; set; } = default!;

    [Inject] private SupervisionCommands Supervision { get; set; } = default!;

    [Inject] private CaseFeedReader Feed { get; set; } = default!;

    [Inject] private DepartmentDirectory Departments { get; set; } = default!;

    [Inject] private UserDirectory Users { get; set; } = default!;

    [Inject] private CategoryCatalogue Catalogue { get; set; } = default!;

    [Inject] private ReportCalendar Calendar { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Parameter] public Guid Id { get; set; }

    /// <summary>Set by the by-number route.</summary>
    [Parameter] public string? Number { get; set; }

    /// <summary>The action whose form is open (its inputs are in <see cref="ActionForm"/>).</summary>
    private string? Open { get; set; }

    private ActionForm Form { get; set; } = new();

    private bool Stale => ErrorStatus == global::Grpc.Core.StatusCode.Aborted || _changedElsewhere;

    protected override async Task OnInitializedAsync()
    {
        await RunAsync(async () =>
        {
            var caller = await CallerAsync();
            _departments = await Departments.ListAsync(caller, CancellationToken.None);
            if (UserDirectory.ListWorkers.Allows(caller.Role))
            {
                _workers = await Users.ListWorkersAsync(caller, CancellationToken.None);
            }
        });
    }

    protected override Task OnParametersSetAsync() => ReloadAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _live = FollowFeedAsync(_stop.Token);
        }
    }

    private async Task ReloadAsync()
    {
        await RunAsync(async () =>
        {
            var caller = await CallerAsync();
            _case = Number is { } number
                ? await Cases.GetByNumberAsync(caller, number, CancellationToken.None)
                : await Cases.GetAsync(caller, Id, CancellationToken.None);
            _choices = Actions.AvailableTo(caller, _case);
        });
        _changedElsewhere = false;
    }

    /// <summary>Reloads on a change of this case made elsewhere (this page's own changes arrive too, already shown).</summary>
    private async Task FollowFeedAsync(CancellationToken stop)
    {
        try
        {
            var caller = await CallerAsync();
            var end = await Feed.EndAsync(caller, stop);
            await foreach (var notice in Feed.WatchAsync(caller, end, stop))
            {
                await InvokeAsync(async () =>
                {
                    if (_case is null || notice.Event.CaseId != _case.Id || notice.Version <= _case.Version)
                    {
                        return;
                    }

                    if (Open is null)
                    {
                        await ReloadAsync();
                    }
                    else
                    {
                        _changedElsewhere = true;
                    }

                    StateHasChanged();
                });
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or NodeStoppingException)
        {
        }
    }

    private void Choose(string action)
    {
        Open = Open == action ? null : action;
        // Assigning starts from the department the routing rules suggested on accept; the dispatcher may choose another.
        Form = new ActionForm { AssignTo = _case?.SuggestedDepartmentId is { } suggested ? $"dept:{suggested}" : "" };
        Error = null;
    }

    /// <summary>Runs one action at the version shown; on success shows the case as it is now.</summary>
    private async Task ActAsync(string action)
    {
        var shown = _case!;
        var done = await RunAsync(async () =>
        {
            var caller = await CallerAsync();
            var (id, version, none) = (shown.Id, shown.Version, CancellationToken.None);
            _ = action switch
            {
                nameof(CaseAction.Accept) => await Transitions.AcceptAsync(caller, new AcceptCaseCommand(id, version, Form.NoteOrNull), none),
                nameof(CaseAction.Reject) => await Transitions.RejectAsync(caller, new RejectCaseCommand(id, version, Form.Note), none),
                nameof(CaseAction.Assign) => await Transitions.AssignAsync(caller, new AssignCaseCommand(id, version, Form.ParseAssignee(), Form.NoteOrNull), none),
                nameof(CaseAction.Start) => await Transitions.StartAsync(caller, new StartCaseCommand(id, version, Form.NoteOrNull), none),
                nameof(CaseAction.Resolve) => await Transitions.ResolveAsync(caller, new ResolveCaseCommand(id, version, Form.Note, Form.EvidenceRefs), none),
                nameof(CaseAction.VerifyPass) => await Transitions.VerifyAsync(caller, new VerifyCaseCommand(id, version, true, Form.NoteOrNull), none),
                nameof(CaseAction.VerifyFail) => await Transitions.VerifyAsync(caller, new VerifyCaseCommand(id, version, false, Form.Note), none),
                nameof(CaseAction.Defer) => await Transitions.DeferAsync(caller, new DeferCaseCommand(id, version, Form.ParseUntil(Calendar.Zone), Form.Note), none),
                nameof(CaseAction.Resume) => await Transitions.ResumeAsync(caller, new ResumeCaseCommand(id, version, Form.NoteOrNull), none),
                nameof(CaseAction.Reopen) => await Transitions.ReopenAsync(caller, new ReopenCaseCommand(id, version, Form.Note), none),
                nameof(CaseAction.Escalate) => await Transitions.EscalateAsync(caller, new EscalateCaseCommand(id, version, Form.Note), none),
                nameof(CaseAction.ReturnEscalation) => await Transitions.ReturnEscalationAsync(caller, new ReturnEscalationCommand(id, version, Form.Note), none),
                nameof(CaseAction.Merge) => await Transitions.MergeAsync(caller, new MergeCaseCommand(id, version, await OriginalIdAsync(caller)), none),
                CaseActionPanel.Rate => await Transitions.RateAsync(caller, new RateCaseCommand(id, version, Form.Rating, Form.NoteOrNull), none),
                CaseActionPanel.Summon => (await Supervision.SummonAsync(caller, id, version, [.. Form.Departments], Form.Note, none)).Case,
                _ => throw new InvalidRequestException("action", $"'{action}' is not an action."),
            };
        });
        if (done)
        {
            Open = null;
            await ReloadAsync();
        }
    }

    /// <summary>The case to merge into: its id, or its number looked up as the caller may see it.</summary>
    private async Task<Guid> OriginalIdAsync(Application.Security.CallerIdentity caller) =>
        Guid.TryParse(Form.Original, out var id) ? id : (await Cases.GetByNumberAsync(caller, Form.Original, CancellationToken.None)).Id;

    private string Local(DateTimeOffset at) => NodeTime.Format(at, Calendar.Zone);

    private string CategoryName(string code) => Catalogue.Find(code)?.Name is { } name ? $"{name} ({code})" : code;

    private string DepartmentName(Guid id) => _departments.FirstOrDefault(d => d.Id == id)?.Name ?? id.ToString();

    private string AssigneeName(Assignee? assignee) => assignee switch
    {
        null => "",
        { Kind: AssigneeKind.Department } => DepartmentName(assignee.Id),
        _ => _workers.FirstOrDefault(w => w.Id == assignee.Id)?.DisplayName ?? $"{L["Grid worker"]} {Short(assignee.Id)}",
    };

    private string ActorName(Guid? actor) => actor is not { } id ? L["The platform"]
        : _workers.FirstOrDefault(w => w.Id == id)?.DisplayName ?? (id == _case?.ReporterId ? $"{L["Reporter"]} {Short(id)}" : Short(id));

    private static string Short(Guid id) => id.ToString()[..8];

    private static bool IsLink(string reference) =>
        Uri.TryCreate(reference, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

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
