using Dispatch.Testing;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Grpc.Tests.Reflection;

/// <summary>The reflection service end to end: a real server on loopback and the generated client.</summary>
public sealed class ReflectionServiceImplTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ListServices_HealthAndReflectionMapped_ListsBoth()
    {
        await using var host = await StartAsync();

        var response = await AskAsync(host, new ServerReflectionRequest { ListServices = "" });

        Assert.Equal(
            ["grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection"],
            response.ListServicesResponse.Service.Select(service => service.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListServices_OnlyReflectionMapped_ListsItself()
    {
        await using var host = await LoopbackGrpcHost.StartAsync(
            services => services.AddGrpcReflection(),
            app => app.MapGrpcReflectionService());

        var response = await AskAsync(host, new ServerReflectionRequest { ListServices = "" });

        Assert.Equal(
            ["grpc.reflection.v1alpha.ServerReflection"],
            response.ListServicesResponse.Service.Select(service => service.Name));
    }

    [Fact]
    public async Task FileContainingSymbol_NestedEnum_ReturnsHealthProto()
    {
        await using var host = await StartAsync();

        var response = await AskAsync(host, new ServerReflectionRequest
        {
            FileContainingSymbol = "grpc.health.v1.HealthCheckResponse.ServingStatus",
        });

        var file = FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto.Single());
        Assert.Equal("grpc/health/v1/health.proto", file.Name);
        Assert.Equal(["Check", "Watch"], file.Service.Single().Method.Select(method => method.Name));
    }

    [Fact]
    public async Task FileContainingSymbol_UnknownSymbol_ReturnsNotFoundNamingIt()
    {
        await using var host = await StartAsync();

        var response = await AskAsync(host, new ServerReflectionRequest { FileContainingSymbol = "no.such.Thing" });

        Assert.Equal((int)StatusCode.NotFound, response.ErrorResponse.ErrorCode);
        Assert.Contains("no.such.Thing", response.ErrorResponse.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerReflectionInfo_SeveralRequestsOnOneStream_AnswersEachInOrder()
    {
        await using var host = await StartAsync();
        using var cancellation = new CancellationTokenSource(Patience);
        using var call = new ServerReflection.ServerReflectionClient(host.Channel)
            .ServerReflectionInfo(cancellationToken: cancellation.Token);
        ServerReflectionRequest[] requests =
        [
            new() { FileByFilename = "grpc/reflection/v1alpha/reflection.proto" },
            new() { FileByFilename = "missing.proto" },
            new() { AllExtensionNumbersOfType = "grpc.health.v1.HealthCheckRequest" },
            new() { ListServices = "" },
        ];

        foreach (var request in requests)
        {
            await call.RequestStream.WriteAsync(request);
        }

        await call.RequestStream.CompleteAsync();
        var responses = new List<ServerReflectionResponse>();
        while (await call.ResponseStream.MoveNext(cancellation.Token))
        {
            responses.Add(call.ResponseStream.Current);
        }

        Assert.Equal(requests, responses.Select(response => response.OriginalRequest));
        Assert.Equal(
            [
                ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse,
                ServerReflectionResponse.MessageResponseOneofCase.ErrorResponse,
                ServerReflectionResponse.MessageResponseOneofCase.AllExtensionNumbersResponse,
                ServerReflectionResponse.MessageResponseOneofCase.ListServicesResponse,
            ],
            responses.Select(response => response.MessageResponseCase));
    }

    private static Task<LoopbackGrpcHost> StartAsync() =>
        LoopbackGrpcHost.StartAsync(
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

    private static async Task<ServerReflectionResponse> AskAsync(LoopbackGrpcHost host, ServerReflectionRequest request)
    {
        using var cancellation = new CancellationTokenSource(Patience);
        using var call = new ServerReflection.ServerReflectionClient(host.Channel)
            .ServerReflectionInfo(cancellationToken: cancellation.Token);
        await call.RequestStream.WriteAsync(request);
        Assert.True(await call.ResponseStream.MoveNext(cancellation.Token), "No response.");
        var response = call.ResponseStream.Current;
        await call.RequestStream.CompleteAsync();
        return response;
    }
}
