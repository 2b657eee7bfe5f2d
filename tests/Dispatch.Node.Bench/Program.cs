using Dispatch.Node.Bench;

// Load generator for a running node: `report` and `list` over gRPC with the generated stubs; `fill`
// writes cases straight into a node's database for the listing measurement; `escalate-*` drive and
// count escalations across cluster members (scripts/bench-escalation.sh); `dashboard-*` drive the web dashboard
// in headless chromium (scripts/bench-dashboard.sh); `fuzz` runs the fuzz and abuse suite (scripts/bench-fuzz.sh).
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
        "soak" => await SoakLoad.RunAsync(new SoakOptions(
            SoakNodes(arguments),
            arguments.GetSeconds("duration", 600),
            arguments.GetInt("rate", 10),
            arguments.GetInt("list-rate", 2),
            arguments.GetInt("watches", 3),
            arguments.GetSeconds("deadline-limit", 60),
            arguments.GetSeconds("sample", 30),
            arguments.GetSeconds("drain", 120),
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
        "fuzz" => await FuzzLoad.RunAsync(new FuzzOptions(
            new Uri(arguments.GetText("address")),
            arguments.GetText("provider", "Sqlite"),
            arguments.GetText("connection"),
            arguments.GetText("node-id", "local"),
            arguments.GetText("child-id", "fuzz-child"),
            arguments.GetText("child-key"),
            arguments.GetText("password", "dispatch-demo"),
            arguments.GetInt("seed", 1),
            arguments.GetInt("cases", 100_000),
            arguments.GetInt("concurrency", 8),
            arguments.GetOptionalInt("node-pid"))),
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

// The platform's members at their addresses (ports moved by --port-offset), with --nodes id:pid pairs for memory samples.
static IReadOnlyList<SoakNode> SoakNodes(BenchArguments arguments)
{
    var offset = int.Parse(arguments.GetText("port-offset", "0"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
    var pids = BenchArguments.ParseNodes(arguments.GetText("nodes", "")).ToDictionary(p => p.Name, p => p.Pid);
    (string Id, string Tier, int Port)[] members = [("district", "District", 5101), ("town", "Town", 5201), ("village-a", "Village", 5301), ("village-b", "Village", 5401)];
    return [.. members.Select(m => new SoakNode(m.Id, new Uri($"http://127.0.0.1:{m.Port + offset}"), m.Tier, pids.TryGetValue(m.Id, out var pid) ? pid : null))];
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
