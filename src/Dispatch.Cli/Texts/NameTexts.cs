namespace Dispatch.Cli.Texts;

/// <summary>The names of the contract's states, roles and classes as people read them.</summary>
internal static class NameTexts
{
    public static readonly Text Reported = new("Reported", "已上报");
    public static readonly Text Accepted = new("Accepted", "已受理");
    public static readonly Text Rejected = new("Rejected", "不予受理");
    public static readonly Text Assigned = new("Assigned", "已派遣");
    public static readonly Text InProgress = new("InProgress", "处置中");
    public static readonly Text Resolved = new("Resolved", "已处置");
    public static readonly Text Closed = new("Closed", "已结案");
    public static readonly Text Returned = new("Returned", "已退回");
    public static readonly Text Deferred = new("Deferred", "缓办");
    public static readonly Text Escalated = new("Escalated", "已上报上级");
    public static readonly Text Merged = new("Merged", "已合并");

    public static readonly Text GridWorker = new("grid worker", "网格员");
    public static readonly Text Dispatcher = new("dispatcher", "调度员");
    public static readonly Text DepartmentHandler = new("department handler", "部门处置人员");
    public static readonly Text Supervisor = new("supervisor", "督查员");
    public static readonly Text Admin = new("administrator", "管理员");

    public static readonly Text Daily = new("Daily", "日常");
    public static readonly Text Tough = new("Tough", "疑难");
    public static readonly Text Emergency = new("Emergency", "紧急");

    public static readonly Text Department = new("department", "部门");
    public static readonly Text Worker = new("worker", "人员");

    public static readonly Text Breach = new("Breach", "超期督办");
    public static readonly Text Summons = new("Summons", "吹哨报到");
    public static readonly Text OrderOpen = new("Open", "进行中");
    public static readonly Text OrderAcknowledged = new("Acknowledged", "已报到");
    public static readonly Text OrderBreached = new("Breached", "已超期");
    public static readonly Text OrderClosed = new("Closed", "已关闭");
}
