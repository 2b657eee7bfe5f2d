using Microsoft.AspNetCore.Authorization;
using System.Globalization;
using Dispatch.Contracts.V1;
using Dispatch.Node.Application.Errors;
using Dispatch.Node.Application.Stats;
using Dispatch.Node.Application.Stats.Reports;
using Dispatch.Node.Security;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Evaluation = Dispatch.Domain.Evaluation;

namespace Dispatch.Node.Grpc;

/// <summary>Evaluation and reports for the command centre: maps requests in and results out; the work is in Application/Stats.</summary>
[Authorize(Policy = AuthSchemes.CommandCentre)]
internal sealed class StatsGrpcService(EvaluationQueries queries, StatsReports reports) : StatsService.StatsServiceBase
{
    public override async Task<GetEvaluationResponse> GetEvaluation(GetEvaluationRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        StatsPermissions.EnsureCanEvaluate(caller);
        var kind = ContractMapper.Convert<Evaluation.UnitKind>(request.UnitKind);
        UnitDimensions.For(kind);
        var period = EvaluationPeriod.Create(Instant(request.From, "from"), Instant(request.To, "to"));
        var units = await queries.EvaluateAsync(caller, kind, request.UnitId.Length == 0 ? null : request.UnitId, period, context.CancellationToken);

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
        var caller = context.Caller();
        StatsPermissions.EnsureCanEvaluate(caller);
        var kind = ContractMapper.Convert<Evaluation.ReportKind>(request.Kind);
        if (!System.Enum.IsDefined(kind))
        {
            throw new InvalidRequestException("kind", "must be DAILY, WEEKLY or MONTHLY.");
        }

        if (!DateOnly.TryParseExact(request.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new InvalidRequestException("date", request.Date.Length == 0 ? "is required (YYYY-MM-DD)." : $"'{Shorten(request.Date)}' is not a date (YYYY-MM-DD).");
        }

        var format = ContractMapper.Convert<Application.Stats.Reports.ReportFormat>(request.Format);
        if (!System.Enum.IsDefined(format))
        {
            throw new InvalidRequestException("format", "must be CSV or HTML.");
        }

        var file = await reports.BuildAsync(caller, kind, date, format, context.CancellationToken);
        return new GetReportResponse
        {
            Content = ByteString.CopyFrom(file.Content),
            ContentType = file.ContentType,
            FileName = file.FileName,
            From = Timestamp.FromDateTimeOffset(file.From),
            To = Timestamp.FromDateTimeOffset(file.To),
        };
    }

    /// <summary>A timestamp field as an instant; null when absent, INVALID_ARGUMENT when out of range.</summary>
    private static DateTimeOffset? Instant(Timestamp? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return value.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw new InvalidRequestException(field, "is not a valid timestamp.");
        }
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "...";

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
