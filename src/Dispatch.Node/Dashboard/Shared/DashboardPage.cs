using Dispatch.Application.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Dispatch.Node.Dashboard.Shared;

/// <summary>
/// What every dashboard page has: the signed-in caller (as the use cases take it), the page's own localized texts
/// (<c>L</c>, from the <c>.zh.resx</c> beside the page; English is the key itself), the shared texts, and
/// <see cref="RunAsync"/>, which turns a refused use case into the message the page shows.
/// </summary>
public abstract class DashboardPage : ComponentBase
{
    private IStringLocalizer? _texts;

    [Inject] private IStringLocalizerFactory Localizers { get; set; } = default!;

    [Inject] private DashboardCaller Callers { get; set; } = default!;

    /// <summary>The page's texts.</summary>
    protected IStringLocalizer L => _texts ??= Localizers.Create(GetType());

    /// <summary>Texts every page shares (status headings, common words).</summary>
    protected IStringLocalizer Shared => _shared ??= Localizers.Create(typeof(DashboardPage));

    private IStringLocalizer? _shared;

    /// <summary>The last refusal, in words; null when the last action succeeded.</summary>
    protected string? Error { get; set; }

    /// <summary>The status the API would have answered the last refusal with (ABORTED: the case changed; reload it).</summary>
    protected global::Grpc.Core.StatusCode? ErrorStatus { get; set; }

    private protected Task<CallerIdentity> CallerAsync() => Callers.GetAsync();

    /// <summary>Runs a use case; a refusal (bad input, not allowed, stale, ...) becomes <see cref="Error"/> and false.</summary>
    protected async Task<bool> RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            Error = null;
            ErrorStatus = null;
            return true;
        }
        catch (Exception ex) when (DashboardErrors.Describe(ex, Shared) is { } message)
        {
            Error = message;
            ErrorStatus = Dispatch.Node.Grpc.ErrorMappingInterceptor.ToStatus(ex)?.StatusCode;
            return false;
        }
    }
}
