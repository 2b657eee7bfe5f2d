using Dispatch.Application.Stats.Bulletins;
using Dispatch.Application.Stats.Reports;
using Dispatch.Domain.Evaluation;
using Dispatch.Node.Grpc;
using Dispatch.Node.Security;
using Grpc.Core;

namespace Dispatch.Node.Dashboard;

/// <summary>
/// The stored bulletins as files on the web port, for the evaluation page: <c>GET /bulletins/{kind}/{firstDay}.csv</c>
/// (a download) and <c>.html</c> (shown in a sandboxed frame: the response carries <c>Content-Security-Policy: sandbox</c>,
/// so even our own renderer's page runs no script and has an opaque origin). Signed-in users only; who may read them
/// is the bulletin use case's decision, its refusals answered with the HTTP status of the API's status.
/// </summary>
internal static class BulletinDownloads
{
    public static string PathOf(ReportKind kind, DateOnly firstDay, ReportFormat format) =>
        $"/bulletins/{kind.ToString().ToLowerInvariant()}/{firstDay:yyyy-MM-dd}.{(format == ReportFormat.Csv ? "csv" : "html")}";

    public static void MapBulletinDownloads(this WebApplication app, string host) =>
        app.MapGet("/bulletins/{kind}/{day}.{format}", GetAsync).RequireAuthorization(WebSignIn.SignedIn).RequireHost(host);

    private static async Task<IResult> GetAsync(HttpContext context, string kind, string day, string format, BulletinQueries bulletins)
    {
        ReportKind? reportKind = kind switch { "daily" => ReportKind.Daily, "weekly" => ReportKind.Weekly, "monthly" => ReportKind.Monthly, _ => null };
        ReportFormat? reportFormat = format switch { "csv" => ReportFormat.Csv, "html" => ReportFormat.Html, _ => null };
        if (reportKind is null || reportFormat is null)
        {
            return Results.NotFound("Bulletins are at /bulletins/{daily|weekly|monthly}/{first day}.{csv|html}.");
        }

        var caller = CallerContext.FromPrincipal(context.User);
        if (caller is null)
        {
            return Results.Unauthorized();
        }

        StoredBulletin bulletin;
        try
        {
            bulletin = await bulletins.GetAsync(caller, new ReportRequest(reportKind.Value, day, reportFormat.Value), context.RequestAborted);
        }
        catch (Exception ex) when (ErrorMappingInterceptor.ToStatus(ex) is { } status)
        {
            return Results.Text(status.Detail, "text/plain; charset=utf-8", statusCode: HttpStatusOf(status.StatusCode));
        }

        var file = bulletin.File;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        if (reportFormat == ReportFormat.Html)
        {
            context.Response.Headers.ContentSecurityPolicy = "sandbox";
            return Results.Bytes(file.Content, file.ContentType);
        }

        return Results.File(file.Content, file.ContentType, file.FileName);
    }

    private static int HttpStatusOf(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => StatusCodes.Status400BadRequest,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status409Conflict,
    };
}
