namespace Dispatch.Cli.Texts;

/// <summary>Texts of orders, summon, acknowledge, outbox and requeue.</summary>
internal static class SupervisionTexts
{
    public static readonly Text OrdersDescription = new("Supervision orders and summons kept at this node, newest first", "本节点的督办单和吹哨报到，最新的在前");
    public static readonly Text OpenOption = new("Open orders only", "仅进行中的");
    public static readonly Text KindOption = new("Only this kind: Breach or Summons", "仅此类：Breach（超期督办）或 Summons（吹哨报到）");
    public static readonly Text OrdersCaseOption = new("Only the orders of this case (id or number)", "仅此案件的（ID 或编号）");
    public static readonly Text NoOrders = new("no orders", "没有督办单");
    public static readonly Text OrderHeader = new("ORDER", "督办单");
    public static readonly Text KindHeader = new("KIND", "类型");
    public static readonly Text CaseHeader = new("CASE", "案件");
    public static readonly Text DepartmentHeader = new("DEPARTMENT", "部门");
    public static readonly Text SupervisorHeader = new("SUPERVISED BY", "督办方");
    public static readonly Text ReasonHeader = new("REASON", "原因");
    public static readonly Text SummonDescription = new("Summon departments to a case; each must acknowledge in time (town or district dispatcher)", "吹哨：召集部门到案件，各部门须按时报到（街镇或区调度员）");
    public static readonly Text SummonDepartmentOption = new("Department id (repeat for several)", "部门 ID（可重复）");
    public static readonly Text AcknowledgeDescription = new("Acknowledge a summons of your department", "本部门对吹哨报到");
    public static readonly Text OrderArgument = new("Summons (order) id", "吹哨报到单 ID");
    public static readonly Text AcknowledgeNoteOption = new("A note", "备注");

    public static readonly Text OutboxDescription = new("Messages the parent refused for good (not sent again until requeued), oldest first (administrators)", "上级永久拒收的消息（重新排队前不再发送），最早的在前（管理员）");
    public static readonly Text NoRefused = new("no refused messages", "没有被拒收的消息");
    public static readonly Text SequenceHeader = new("SEQ", "序号");
    public static readonly Text RefusedHeader = new("REFUSED", "拒收");
    public static readonly Text Pending = new("pending", "待发送");
    public static readonly Text RefusedValue = new("{0} by {1}: {2}: {3}", "{0} 由 {1} 拒收：{2}：{3}");
    public static readonly Text RequeueDescription = new("Send a refused message again once its cause is fixed (a refused escalation escalates its case again)", "问题解决后重新发送被拒收的消息（被拒的上报会重新上报）");
    public static readonly Text SequenceArgument = new("The refused message's sequence (see outbox)", "被拒收消息的序号（见 outbox）");
}
