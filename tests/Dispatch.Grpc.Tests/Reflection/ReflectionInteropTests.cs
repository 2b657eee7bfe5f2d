using Dispatch.Testing;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Grpc.Tests.Reflection;

/// <summary>
/// The health and reflection services seen by an independent gRPC implementation (python grpcio),
/// the way a generic tool sees them: it knows no stubs, only the standard method names and
/// field numbers, and reads the descriptors it is sent with its own protobuf library.
/// </summary>
public sealed class ReflectionInteropTests
{
    // Sends list_services (field 7, empty) and file_containing_symbol (field 4) on one stream,
    // decodes the answers by hand (list) and with python's descriptor_pb2 (files), then calls
    // Health.Check with an empty request. Prints one line per finding.
    private const string Script = """
        import sys
        import grpc
        from google.protobuf import descriptor_pb2

        def varint(data, i):
            shift = value = 0
            while True:
                byte = data[i]
                i += 1
                value |= (byte & 0x7F) << shift
                shift += 7
                if byte < 0x80:
                    return value, i

        def fields(data):
            i = 0
            while i < len(data):
                key, i = varint(data, i)
                if key & 7 == 0:
                    value, i = varint(data, i)
                elif key & 7 == 2:
                    size, i = varint(data, i)
                    value, i = data[i:i + size], i + size
                else:
                    raise ValueError("unexpected wire type %d" % (key & 7))
                yield key >> 3, value

        same = lambda message: message
        channel = grpc.insecure_channel("127.0.0.1:" + sys.argv[1], options=[("grpc.enable_http_proxy", 0)])
        info = channel.stream_stream(
            "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
            request_serializer=same, response_deserializer=same)
        symbol = b"grpc.health.v1.Health"
        requests = [b"\x3a\x00", b"\x22" + bytes([len(symbol)]) + symbol]
        for response in info(iter(requests), timeout=20):
            for number, value in fields(response):
                if number == 6:
                    for _, service in fields(value):
                        for _, name in fields(service):
                            print("service", name.decode("utf-8"))
                elif number == 4:
                    for _, proto in fields(value):
                        file = descriptor_pb2.FileDescriptorProto.FromString(proto)
                        print("file", file.name, " ".join(s.name for s in file.service))
        check = channel.unary_unary("/grpc.health.v1.Health/Check", request_serializer=same, response_deserializer=same)
        print("health", check(b"", timeout=20).hex())
        """;

    [PythonGrpcFact]
    public async Task ServerReflectionInfo_PythonClientWithoutStubs_ListsServicesAndReadsDescriptors()
    {
        await using var host = await LoopbackGrpcHost.StartAsync(
            services =>
            {
                services.AddGrpcHealthChecks();
                services.AddGrpcReflection();
            },
            app =>
            {
                app.MapGrpcHealthChecksService();
                app.MapGrpcReflectionService();
            });

        var lines = await RunPythonAsync(host.Address.Port);

        Assert.Contains("service grpc.health.v1.Health", lines);
        Assert.Contains("service grpc.reflection.v1alpha.ServerReflection", lines);
        Assert.Contains("file grpc/health/v1/health.proto Health", lines);
        Assert.Contains("health 0801", lines); // status = 1 (SERVING)
    }

    private static async Task<IReadOnlyList<string>> RunPythonAsync(int port)
    {
        using var process = Process.Start(new ProcessStartInfo(PythonGrpcFactAttribute.Python)
        {
            ArgumentList = { "-c", Script, port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("python3 did not start.");

        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }

        Assert.True(process.ExitCode == 0, $"python3 exited with {process.ExitCode}: {await errors}");
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
