using System.Globalization;
using Dispatch.Application.Errors;
using Dispatch.Application.Stats;
using Dispatch.Application.Stats.Bulletins;
using Dispatch.Application.Stats.Reports;
using Dispatch.Contracts.V1;
using Dispatch.Node.Security;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Evaluation = Dispatch.Domain.Evaluation;

namespace Dispatch.Node.Grpc;

/// <summary>Evaluation, reports and bulletins for the command centre: maps requests in and results out; the work is in Application/Stats.</summary>
[Authorize(Policy = AuthSchemes.SignedIn)]
internal sealed class StatsGrpcService(EvaluationQueries queries, StatsReports reports, BulletinQueries bulletins) : StatsService.StatsServiceBase
{
    public override async Task<GetEvaluationResponse> GetEvaluation(GetEvaluationRequest request, ServerCallContext context)
    {
        var query = new EvaluationRequest(
            RequestEnums.Required<Evaluation.UnitKind>(request.UnitKind, "unit_kind"),
            request.UnitId.Length == 0 ? null : request.UnitId,
            RequestTimes.Optional(request.From, "from"),
            RequestTimes.Optional(request.To, "to"));
        var (period, units) = await queries.EvaluateAsync(context.Caller(), query, context.CancellationToken);
        var response = new GetEvaluationResponse
        {
            From = Timestamp.FromDateTimeOffset(period.From),
            To = Timestamp.FromDateTimeOffset(period.To),
            Total = ToContract(request.UnitKind, "", "", units.Aggregate(Evaluation.UnitTally.Empty, (sum, u) => sum.Add(u.Tally))),
        };
        response.Units.AddRange(units.Select(u => ToContract(request.UnitKind, u.Id, u.Name, u.Tally)));
        return response;
    }

    public override async Task<GetReportResponse> GetReport(GetReportRequest request, ServerCallContext context)
    {
        var file = await reports.BuildAsync(context.Caller(), ReportQuery(request.Kind, request.Date, request.Format), context.CancellationToken);
        return new GetReportResponse
        {
            Content = ByteString.CopyFrom(file.Content),
            ContentType = file.ContentType,
            FileName = file.FileName,
            From = Timestamp.FromDateTimeOffset(file.From),
            To = Timestamp.FromDateTimeOffset(file.To),
        };
    }

    public override async Task<ListBulletinsResponse> ListBulletins(ListBulletinsRequest request, ServerCallContext context)
    {
        var filter = new BulletinFilter(
            RequestEnums.Optional<Evaluation.ReportKind>(request.Kind, "kind"),
            RequestLimits.PageSize(request.PageSize),
            request.PageToken.Length == 0 ? null : request.PageToken);
        var (page, next) = await bulletins.ListAsync(context.Caller(), filter, context.CancellationToken);
        var response = new ListBulletinsResponse { NextPageToken = next };
        response.Bulletins.AddRange(page.Select(ToContract));
        return response;
    }

    public override async Task<GetBulletinResponse> GetBulletin(GetBulletinRequest request, ServerCallContext context)
    {
        var (file, producedAt) = await bulletins.GetAsync(context.Caller(), ReportQuery(request.Kind, request.Date, request.Format), context.CancellationToken);
        return new GetBulletinResponse
        {
            Content = ByteString.CopyFrom(file.Content),
            ContentType = file.ContentType,
            FileName = file.FileName,
            From = Timestamp.FromDateTimeOffset(file.From),
            To = Timestamp.FromDateTimeOffset(file.To),
            ProducedAt = Timestamp.FromDateTimeOffset(producedAt),
        };
    }

    private static ReportRequest ReportQuery(ReportKind kind, string date, Contracts.V1.ReportFormat format) => new(
        RequestEnums.Required<Evaluation.ReportKind>(kind, "kind"),
        date,
        RequestEnums.Required<Dispatch.Application.Stats.Reports.ReportFormat>(format, "format"));

    private static Bulletin ToContract(BulletinSummary b)
    {
        var bulletin = new Bulletin
        {
            Kind = ContractMapper.Convert<ReportKind>(b.Kind),
            FirstDay = b.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            From = Timestamp.FromDateTimeOffset(b.From),
            To = Timestamp.FromDateTimeOffset(b.To),
            TimeZone = b.TimeZone,
            ProducedAt = Timestamp.FromDateTimeOffset(b.ProducedAt),
        };
        foreach (var (format, size) in new[] { (Dispatch.Application.Stats.Reports.ReportFormat.Csv, b.CsvSize), (Dispatch.Application.Stats.Reports.ReportFormat.Html, b.HtmlSize) })
        {
            bulletin.Files.Add(new BulletinFile
            {
                Format = ContractMapper.Convert<Contracts.V1.ReportFormat>(format),
                FileName = ReportFile.NameOf(b.Kind, b.FirstDay, format),
                ContentType = ReportFile.ContentTypeOf(format),
                Size = size,
            });
        }

        return bulletin;
    }

    private static UnitEvaluation ToContract(UnitKind kind, string id, string name, Evaluation.UnitTally t) => new()
    {
        UnitKind = kind,
        UnitId = id,
        UnitName = name,
        Reported = t.Reported,
        Registered = t.Registered,
        RegisteredClosed = t.RegisteredClosed,
        CloseRate = t.CloseRate,
        DueInPeriod = t.DueInPeriod,
        Deferred = t.Deferred,
        ClosedOnTime = t.ClosedOnTime,
        OnTimeCloseRate = t.OnTimeCloseRate,
        Closed = t.Closed,
        ReworkCount = t.ReworkCount,
        OverdueCount = t.OverdueCount,
        SupervisionCount = t.SupervisionCount,
        MeanTimeToCloseSeconds = t.MeanTimeToCloseSeconds,
        Rated = t.Rated,
        MeanSatisfaction = t.MeanSatisfaction,
        EscalationsReceived = t.EscalationsReceived,
        EscalationsReturned = t.EscalationsReturned,
        ReturnedShare = t.ReturnedShare,
    };
}
