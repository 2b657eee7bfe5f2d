namespace Dispatch.Domain.Evaluation;

/// <summary>The periodic reports of a command centre.</summary>
public enum ReportKind
{
    /// <summary>日简报: one day.</summary>
    Daily = 1,

    /// <summary>周调度: one week, Monday to Sunday.</summary>
    Weekly = 2,

    /// <summary>月通报: one calendar month.</summary>
    Monthly = 3,
}
