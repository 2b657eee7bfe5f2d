using Dispatch.Application.Cases;
using Dispatch.Application.Errors;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Categories;
using Dispatch.Domain.Geography;
using Dispatch.Application.Security;

namespace Dispatch.Application.Open311;

/// <summary>
/// POST requests: a registered app reports a case through the same use case as ReportCase (validation, idempotency,
/// deadline, routing, escalation), into the grid its location lies in. Everything is checked before the case is
/// written, so a refused request writes nothing. Answers the case and whether this call created it (false for a retry).
/// </summary>
internal sealed class ServiceRequestIntake(CaseCommands commands, GridLocator locator, CategoryCatalogue catalogue)
{
    public async Task<(Case Case, bool Created)> PostAsync(string appName, ServiceRequestSubmission submission, CancellationToken cancellationToken)
    {
        var category = catalogue.Find(submission.ServiceCode) ?? throw new NotFoundException("Service", submission.ServiceCode);
        if (submission.Latitude is not { } latitude || submission.Longitude is not { } longitude)
        {
            throw new InvalidRequestException(
                submission.Latitude is null ? "lat" : "long",
                submission.AddressString is { Length: > 0 }
                    ? "lat and long are required: this node has no geocoder, so address_string alone cannot be placed in a grid."
                    : "lat and long are required (the location of the problem, WGS 84 degrees).");
        }

        var location = Location.Create(latitude, longitude, submission.AddressString);
        var grid = await locator.FindAsync(latitude, longitude, cancellationToken)
            ?? throw new InvalidRequestException("lat/long", $"({latitude}, {longitude}) is outside this node's grids.");
        var caller = Open311Callers.For(appName, grid.Id);
        PermissionTable.Of(PermissionTable.Open311, "PostServiceRequest").Require(caller);
        var input = new ReportInput(
            submission.RequestId,
            Title(submission.Description, category.Name),
            submission.Description,
            category.Code,
            grid.Id,
            location,
            WhistleClass.Daily,
            HandlingMode.Split,
            submission.MediaUrl is { Length: > 0 } media ? [media] : []);
        var outcome = await commands.ReportAsync(caller, input, cancellationToken);
        return (outcome.Case, outcome.Created);
    }

    /// <summary>A case's title: the description's first line (shortened to fit), or the service's name without one.</summary>
    private static string Title(string? description, string serviceName)
    {
        var line = description?.Split('\n', 2)[0].Trim() ?? "";
        if (line.Length == 0)
        {
            return serviceName;
        }

        return line.Length <= CaseLimits.TitleMaxLength ? line : line[..(CaseLimits.TitleMaxLength - 1)] + "…";
    }
}
