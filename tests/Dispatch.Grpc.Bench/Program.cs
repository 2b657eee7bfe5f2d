using Dispatch.Grpc.Bench;

// Benchmark driver: `server` hosts the echo method, `client` drives calls at it and reports the rate.
try
{
    var arguments = BenchArguments.Parse(args);
    return arguments?.Mode switch
    {
        "server" => await EchoServer.RunAsync(arguments.GetInt("port")),
        "client" => await EchoClient.RunAsync(new EchoClientOptions(
            new Uri(arguments.GetText("address")),
            arguments.GetInt("concurrency", 16),
            TimeSpan.FromSeconds(arguments.GetInt("duration", 10)),
            TimeSpan.FromSeconds(arguments.GetInt("warmup", 5)),
            arguments.GetInt("payload", 14))),
        _ => BenchArguments.PrintUsage(),
    };
}
catch (Exception error) when (error is ArgumentException or FormatException)
{
    Console.Error.WriteLine(error.Message);
    return BenchArguments.PrintUsage();
}
