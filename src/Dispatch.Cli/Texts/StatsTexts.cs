namespace Dispatch.Cli.Texts;

/// <summary>Texts of evaluate, bulletin and bulletins.</summary>
internal static class StatsTexts
{
    public static readonly Text EvaluateDescription = new("Evaluation figures per unit for a period (supervisors, dispatchers, administrators)", "按单位统计某时段的考核指标（督查员、调度员、管理员）");
    public static readonly Text UnitOption = new("Department, GridWorker, Grid or ChildNode", "Department（部门）、GridWorker（网格员）、Grid（网格）或 ChildNode（下级节点）");
    public static readonly Text UnitIdOption = new("One unit only", "仅此单位");
    public static readonly Text FromOption = new("Start, e.g. 2026-11-01 or 2026-11-01T00:00+08:00 (inclusive)", "开始时间，如 2026-11-01 或 2026-11-01T00:00+08:00（含）");
    public static readonly Text ToOption = new("End (exclusive)", "结束时间（不含）");
    public static readonly Text UnitHeader = new("UNIT", "单位");
    public static readonly Text ReportedHeader = new("REPORTED", "上报");
    public static readonly Text DueHeader = new("DUE", "应结");
    public static readonly Text OnTimeHeader = new("ON TIME", "按期结案率");
    public static readonly Text ClosedHeader = new("CLOSED", "结案");
    public static readonly Text ReworkHeader = new("REWORK", "返工");
    public static readonly Text OverdueHeader = new("OVERDUE", "超期");
    public static readonly Text SatisfactionHeader = new("SATISFACTION", "满意度");
    public static readonly Text Total = new("(total)", "（合计）");
    public static readonly Text NoUnits = new("no activity in the period", "该时段没有数据");

    public static readonly Text BulletinDescription = new("Build the daily, weekly or monthly report now (日简报 / 周调度 / 月通报); 'bulletins get' fetches a stored one", "立即生成日简报、周调度或月通报；'bulletins get' 获取已存档的");
    public static readonly Text BulletinsDescription = new("The stored daily, weekly and monthly bulletins, newest first", "已存档的日简报、周调度和月通报，最新的在前");
    public static readonly Text BulletinGetDescription = new("Download a stored bulletin, as it was produced when its period ended", "下载已存档的通报（周期结束时生成的原样）");
    public static readonly Text KindOption = new("Daily, Weekly or Monthly", "Daily（日）、Weekly（周）或 Monthly（月）");
    public static readonly Text KindFilterOption = new("Daily, Weekly or Monthly; every kind by default", "Daily、Weekly 或 Monthly；默认全部");
    public static readonly Text DateOption = new("YYYY-MM-DD: the day, or any day of the week or month", "YYYY-MM-DD：当天，或该周、该月中的任一天");
    public static readonly Text FormatOption = new("Csv or Html", "Csv 或 Html");
    public static readonly Text OutOption = new("File to write; the suggested name in the current folder by default", "写入的文件；默认当前目录下的建议文件名");
    public static readonly Text Written = new("{0}  {1} bytes  {2}  {3} to {4}", "{0}  {1} 字节  {2}  {3} 至 {4}");
    public static readonly Text NoBulletins = new("no bulletins", "没有通报");
    public static readonly Text KindHeader = new("KIND", "类型");
    public static readonly Text FirstDayHeader = new("FIRST DAY", "首日");
    public static readonly Text PeriodHeader = new("PERIOD", "时段");
    public static readonly Text ProducedHeader = new("PRODUCED", "生成时间");
    public static readonly Text FilesHeader = new("FILES", "文件");
}
