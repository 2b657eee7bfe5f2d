using Dispatch.Application.Cases;
using Dispatch.Application.Errors;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Geography;
using Dispatch.Node.Grpc;

namespace Dispatch.Node.Dashboard.Pages;

/// <summary>The report form's inputs, read as the API reads a report's fields; the use case judges what they say.</summary>
internal sealed class ReportForm
{
    /// <summary>This form's idempotency key: made once, sent with every submit of it.</summary>
    public string RequestId { get; } = "web-" + Guid.NewGuid().ToString("N");

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public string Category { get; set; } = "";

    public string Grid { get; set; } = "";

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string Address { get; set; } = "";

    public WhistleClass Whistle { get; set; } = WhistleClass.Daily;

    /// <summary>Fixed on the spot by the reporter (Immediate handling); otherwise one department handles it.</summary>
    public bool Immediate { get; set; }

    /// <summary>One reference per line.</summary>
    public string Evidence { get; set; } = "";

    public ReportInput ToInput() => new(
        RequestId,
        Title,
        Description,
        Category,
        ContractMapper.ParseGrid(Grid, "grid_id"),
        Location.Create(
            Latitude ?? throw new InvalidRequestException("location.latitude", "is required."),
            Longitude ?? throw new InvalidRequestException("location.longitude", "is required."),
            Address),
        Whistle,
        Immediate ? HandlingMode.Immediate : HandlingMode.Split,
        ActionForm.Lines(Evidence));
}
