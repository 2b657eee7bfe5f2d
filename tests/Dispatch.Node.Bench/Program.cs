using Dispatch.Node.Bench;

// Load generator for a running node: `report` and `list` over gRPC with the generated stubs; `fill`
// writes cases straight into a node's database for the listing measurement; `escalate-*` drive and
// count escalations across cluster members (scripts/bench-escalation.sh); `dashboard-*` drive the web dashboard
// in headless chromium (scripts/bench-dashboard.sh).
try
{
    var arguments = BenchArguments.Parse(args);
    return arguments?.Mode switch
    {
        "report" => await ReportLoad.RunAsync(new ReportOptions(
            new Uri(arguments.GetText("address")),
            arguments.GetInt("concurrency", 64),
            arguments.GetSeconds("duration", 20),
            arguments.GetSeconds("warmup", 5),
            arguments.GetText("user", "worker1"),
            arguments.GetText("password", "dispatch-demo"),
            arguments.GetText("grid", ListFilters.GridId),
            arguments.GetOptionalInt("node-pid"),
            arguments.GetInt("connections", 1),
            arguments.GetOptionalInt("rate"))),
        "list" => await ListLoad.RunAsync(new ListOptions(
            new Uri(arguments.GetText("address")),
            arguments.GetInt("rounds", 30),
            arguments.GetText("user", "dispatcher"),
            arguments.GetText("worker", "worker1"),
            arguments.GetText("password", "dispatch-demo"))),
        "escalate-latency" => await EscalationLatencyLoad.RunAsync(new EscalationLatencyOptions(
            new Uri(arguments.GetText("village", "http://127.0.0.1:5301")),
            new Uri(arguments.GetText("town", "http://127.0.0.1:5201")),
            new Uri(arguments.GetText("district", "http://127.0.0.1:5101")),
            arguments.GetText("village-id", "village-a"),
            arguments.GetText("town-id", "town"),
            arguments.GetInt("rate", 100),
            arguments.GetSeconds("duration", 30),
            arguments.GetSeconds("warmup", 5),
            arguments.GetSeconds("drain", 30),
            arguments.GetText("password", "dispatch-demo"),
            BenchArguments.ParseNodes(arguments.GetText("nodes", "")))),
        "escalate-faults" => await EscalationFaultLoad.RunAsync(new EscalationFaultOptions(
            new Uri(arguments.GetText("village", "http://127.0.0.1:5301")),
            arguments.GetText("run-id"),
            arguments.GetInt("count", 10_000),
            arguments.GetInt("concurrency", 16),
            arguments.GetSeconds("call-timeout", 10),
            arguments.GetSeconds("give-up-after", 300),
            arguments.GetText("password", "dispatch-demo"))),
        "escalate-count" => await EscalationCount.RunAsync(new EscalationCountOptions(
            new Uri(arguments.GetText("village", "http://127.0.0.1:5301")),
            new Uri(arguments.GetText("town", "http://127.0.0.1:5201")),
            arguments.GetText("village-id", "village-a"),
            arguments.GetText("run-id"),
            arguments.GetInt("expected", 10_000),
            arguments.GetSeconds("drain-timeout", 300),
            arguments.GetText("password", "dispatch-demo"))),
        "fill" => await CaseFill.RunAsync(new FillOptions(
            arguments.GetText("provider"),
            arguments.GetText("connection"),
            arguments.GetInt("cases"),
            arguments.GetInt("seed", 1),
            arguments.GetText("open-ahead", "no") == "yes")),
        "deadline-burst" => await DeadlineBurst.RunAsync(new DeadlineBurstOptions(
            new Uri(arguments.GetText("address")),
            arguments.GetInt("count", 10_000),
            arguments.GetSeconds("spread", 60),
            arguments.GetText("category", DeadlineBurst.Category),
            long.Parse(arguments.GetText("from-sequence", "0"), System.Globalization.CultureInfo.InvariantCulture),
            arguments.GetText("password", "dispatch-demo"),
            arguments.GetText("grid", ListFilters.GridId),
            arguments.GetOptionalInt("node-pid"),
            arguments.GetSeconds("wait", 120),
            arguments.GetText("report-only", "no") == "yes")),
        "dashboard-render" => await DashboardRender.RunAsync(DashboardArguments(arguments)),
        "dashboard-live" => await DashboardLive.RunAsync(DashboardArguments(arguments)),
        "dashboard-hold" => await DashboardHold.RunAsync(DashboardArguments(arguments)),
        "watch-hold" => await WatchHold.RunAsync(new WatchHoldOptions(
            new Uri(arguments.GetText("address")),
            arguments.GetInt("streams", 1000),
            arguments.GetSeconds("hold", 20),
            arguments.GetInt("rate", 20),
            arguments.GetSeconds("settle", 10),
            arguments.GetText("user", "dispatcher"),
            arguments.GetText("reporter", "worker1"),
            arguments.GetText("password", "dispatch-demo"),
            arguments.GetOptionalInt("node-pid"))),
        "dashboard-tour" => await DashboardTour.RunAsync(arguments.GetText("out", "docs/dashboard")),
        _ => BenchArguments.PrintUsage(),
    };
}
catch (Exception error) when (error is ArgumentException or FormatException)
{
    Console.Error.WriteLine(error.Message);
    return BenchArguments.PrintUsage();
}

static DashboardOptions DashboardArguments(BenchArguments arguments) => new(
    new Uri(arguments.GetText("site")),
    new Uri(arguments.GetText("address")),
    arguments.GetText("user", "dispatcher"),
    arguments.GetText("password", "dispatch-demo"),
    arguments.GetInt("rounds", 20),
    arguments.GetInt("reports", 200),
    arguments.GetInt("dashboards", 50),
    arguments.GetInt("browsers", 5),
    arguments.GetSeconds("duration", 60),
    arguments.GetOptionalInt("node-pid"),
    arguments.GetOptionalInt("rate"),
    arguments.GetText("row", "tbody tr[data-case]"),
    arguments.GetText("detail", "[data-test=\"case-number\"]"));
