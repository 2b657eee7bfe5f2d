using Dispatch.Node.Bench;

// Load generator for a running node: `report` and `list` over gRPC with the generated stubs; `fill`
// writes cases straight into a node's database for the listing measurement.
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
            arguments.GetText("node-pid", "") is { Length: > 0 } ? arguments.GetInt("node-pid") : null)),
        "list" => await ListLoad.RunAsync(new ListOptions(
            new Uri(arguments.GetText("address")),
            arguments.GetInt("rounds", 30),
            arguments.GetText("user", "dispatcher"),
            arguments.GetText("password", "dispatch-demo"))),
        "fill" => await CaseFill.RunAsync(new FillOptions(
            arguments.GetText("provider"),
            arguments.GetText("connection"),
            arguments.GetInt("cases"),
            arguments.GetInt("seed", 1))),
        _ => BenchArguments.PrintUsage(),
    };
}
catch (Exception error) when (error is ArgumentException or FormatException)
{
    Console.Error.WriteLine(error.Message);
    return BenchArguments.PrintUsage();
}
