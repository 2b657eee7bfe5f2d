using System.Globalization;
using Dispatch.Application.Errors;
using Dispatch.Application.Stats;
using Dispatch.Application.Stats.Reports;
using Dispatch.Contracts.V1;
using Dispatch.Node.Security;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Evaluation = Dispatch.Domain.Evaluation;

namespace Dispatch.Node.Grpc;

/// <summary>Evaluation and reports for the command centre: maps requests in and results out; the work is in Application/Stats.</summary>
[Authorize(Policy = AuthSchemes.CommandCentre)]
internal sealed class StatsGrpcService(EvaluationQueries queries, StatsReports reports) : StatsService.StatsServiceBase
{
    public override async Task<GetEvaluationResponse> GetEvaluation(GetEvaluationRequest request, ServerCallContext context)
    {
        var query = new EvaluationRequest(
            ContractMapper.Convert<Evaluation.UnitKind>(request.UnitKind),
            request.UnitId.Length == 0 ? null : request.UnitId,
            Instant(request.From, "from"),
            Instant(request.To, "to"));
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
        var query = new ReportRequest(
            ContractMapper.Convert<Evaluation.ReportKind>(request.Kind),
            request.Date,
            ContractMapper.Convert<Dispatch.Application.Stats.Reports.ReportFormat>(request.Format));
        var file = await reports.BuildAsync(context.Caller(), query, context.CancellationToken);
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
