using Dispatch.Application.Errors;
using Dispatch.Application.Open311;
using Dispatch.Application.Security;
using Dispatch.Domain.Categories;
using Dispatch.Node.Hosting;

namespace Dispatch.Node.Open311;

/// <summary>
/// Open311 GeoReport v2 on the web port of village and town nodes (a district answers 404: citizens report to the
/// tiers that handle their grids): <c>/open311/v2/services.json</c>, <c>services/{code}.json</c>,
/// <c>requests.json</c> (GET and POST) and <c>requests/{id}.json</c>, each also as <c>.xml</c>. Reads are public;
/// POST needs a registered app's api_key (<see cref="Open311Apps"/>). jurisdiction_id is optional and, when given,
/// must be this node's id.
/// </summary>
internal static class Open311Endpoints
{
    public const string BasePath = "/open311/v2";

    public static bool IsServedBy(string tier) =>
        tier.Equals("Village", StringComparison.OrdinalIgnoreCase) || tier.Equals("Town", StringComparison.OrdinalIgnoreCase);

    public static void MapOpen311(this WebApplication app, string host, NodeOptions node)
    {
        if (!IsServedBy(node.Tier))
        {
            // Said in the spec's error format, whatever the method (the dashboard's routes would answer 405 to a POST).
            app.Map(BasePath + "/{**path}", () => Open311Errors.Answer(Open311Document.Json, StatusCodes.Status404NotFound,
                $"This node ({node.Tier}) does not serve Open311; report to a village or town node.")).RequireHost(host).DisableAntiforgery();
            return;
        }

        var open311 = app.MapGroup(BasePath).RequireHost(host).DisableAntiforgery();
        Operation(open311.MapGet("/services.{format}", (HttpContext context, string format, CategoryCatalogue catalogue) =>
            Answer(context, format, () => Task.FromResult(Open311Document.List(format, "services", "service", catalogue.All.Select(c => Open311Services.Service(catalogue, c))).ToResult()))), "GetServiceList");
        Operation(open311.MapGet("/services/{code}.{format}", (HttpContext context, string code, string format, CategoryCatalogue catalogue) =>
            Answer(context, format, () =>
            {
                var category = catalogue.Find(code) ?? throw new NotFoundException("Service", code);
                return Task.FromResult(Open311Document.Single(format, "service_definition", Open311Services.Definition(category)).ToResult());
            })), "GetServiceDefinition");
        Operation(open311.MapGet("/requests.{format}", (HttpContext context, string format, ServiceRequestQueries queries) =>
            Answer(context, format, async () => Requests(format, await queries.ListAsync(Open311Filters.Read(context.Request.Query), context.RequestAborted)))), "GetServiceRequests");
        Operation(open311.MapGet("/requests/{id}.{format}", (HttpContext context, string id, string format, ServiceRequestQueries queries) =>
            Answer(context, format, async () => Requests(format, [await queries.GetAsync(id, context.RequestAborted)]))), "GetServiceRequest");
        Operation(open311.MapPost("/requests.{format}", (HttpContext context, string format, Open311Apps apps, ServiceRequestIntake intake) =>
            Answer(context, format, () => PostAsync(context, format, apps, intake))), "PostServiceRequest");
    }

    /// <summary>Each endpoint names its row of the permission table (a missing row fails at start-up).</summary>
    private static void Operation(RouteHandlerBuilder endpoint, string method) =>
        endpoint.WithMetadata(PermissionTable.Of(PermissionTable.Open311, method));

    private static async Task<IResult> PostAsync(HttpContext context, string format, Open311Apps apps, ServiceRequestIntake intake)
    {
        if (!context.Request.HasFormContentType)
        {
            throw new InvalidRequestException("body", "must be a form (application/x-www-form-urlencoded), as GeoReport v2 posts it.");
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception error) when (error is InvalidDataException or BadHttpRequestException)
        {
            // A form the parser cannot read (a broken multipart body, over the form limits) is the client's: 400.
            throw new InvalidRequestException("body", error.Message);
        }

        var key = form["api_key"].Count > 0 ? form["api_key"].ToString() : context.Request.Query["api_key"].ToString();
        var app = apps.Find(key) ?? throw new AccessDeniedException(key.Length == 0
            ? "api_key is required to post a service request."
            : "api_key is not one this node has registered.");
        EnsureJurisdiction(context, form["jurisdiction_id"].ToString());
        var (@case, created) = await intake.PostAsync(app, Open311Submission.Read(form, context.Request.Headers[Open311Submission.IdempotencyHeader]), context.RequestAborted);
        var notice = @case.DueAt is { } due ? $"Case {@case.Number}; expected by {due.UtcDateTime:yyyy-MM-dd HH:mm} UTC." : $"Case {@case.Number}.";
        var account = form["account_id"].ToString();
        return Open311Document.List(format, "service_requests", "request",
            [[new("service_request_id", @case.Number), new("service_notice", notice), new("account_id", account.Length == 0 ? null : account)]])
            .ToResult(created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static IResult Requests(string format, IEnumerable<ServiceRequestView> views) =>
        Open311Document.List(format, "service_requests", "request", views.Select(v => (IReadOnlyList<Open311Field>)
        [
            new("service_request_id", v.ServiceRequestId),
            new("status", v.Status),
            new("status_notes", v.StatusNotes),
            new("service_name", v.ServiceName),
            new("service_code", v.ServiceCode),
            new("description", v.Description),
            new("agency_responsible", v.AgencyResponsible),
            new("service_notice", null),
            new("requested_datetime", v.RequestedAt),
            new("updated_datetime", v.UpdatedAt),
            new("expected_datetime", v.ExpectedAt),
            new("address", v.Address),
            new("address_id", null),
            new("zipcode", null),
            new("lat", v.Latitude),
            new("long", v.Longitude),
            new("media_url", v.MediaUrl),
        ])).ToResult();

    /// <summary>Runs a handler in the path's format (json or xml; another is 404), every error in GeoReport v2's form.</summary>
    private static async Task<IResult> Answer(HttpContext context, string format, Func<Task<IResult>> handle)
    {
        if (format is not (Open311Document.Json or Open311Document.Xml))
        {
            return Open311Errors.Answer(Open311Document.Json, StatusCodes.Status404NotFound, $"Format {Domain.Common.ClientValue.Quote(format)} is not served; use .json or .xml.");
        }

        try
        {
            EnsureJurisdiction(context, context.Request.Query["jurisdiction_id"].ToString());
            return await handle();
        }
        catch (Exception error) when (!context.RequestAborted.IsCancellationRequested)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Open311Endpoints).FullName!);
            return Open311Errors.From(error, format, context, logger);
        }
    }

    private static void EnsureJurisdiction(HttpContext context, string jurisdiction)
    {
        var node = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<NodeOptions>>().Value;
        if (jurisdiction.Length > 0 && !jurisdiction.Equals(node.Id, StringComparison.Ordinal))
        {
            throw new InvalidRequestException("jurisdiction_id", $"{Domain.Common.ClientValue.Quote(jurisdiction)} is not served here; this node is jurisdiction '{node.Id}'.");
        }
    }
}
