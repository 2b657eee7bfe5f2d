using Google.Protobuf.Reflection;
using Grpc.Health.V1;
using Grpc.Reflection;
using Grpc.Reflection.V1Alpha;

namespace Dispatch.Grpc.Tests.Reflection;

public sealed class ReflectionResponderTests
{
    private const string P = TestDescriptors.Package;
    private const int NotFound = 5;
    private const int InvalidArgument = 3;

    private static readonly ReflectionResponder Responder =
        new(SymbolIndex.Build([TestDescriptors.WidgetsService, Health.Descriptor]));

    [Fact]
    public void Answer_ListServices_NamesEveryService()
    {
        var response = Responder.Answer(new ServerReflectionRequest { ListServices = "" });

        Assert.Equal(
            [$"{P}.Widgets", "grpc.health.v1.Health"],
            response.ListServicesResponse.Service.Select(service => service.Name));
    }

    [Fact]
    public void Answer_AnyRequest_EchoesHostAndRequest()
    {
        var request = new ServerReflectionRequest { Host = "example:443", ListServices = "*" };

        var response = Responder.Answer(request);

        Assert.Equal("example:443", response.ValidHost);
        Assert.Equal(request, response.OriginalRequest);
    }

    [Fact]
    public void Answer_FileContainingSymbol_ReturnsFileThenImportsAsSerializedProtos()
    {
        var response = Responder.Answer(new ServerReflectionRequest { FileContainingSymbol = $"{P}.Widgets.Get" });

        var files = response.FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes))
            .ToList();
        Assert.Equal(
            [TestDescriptors.WidgetsFile, TestDescriptors.MidFile, TestDescriptors.BaseFile],
            files.Select(file => file.Name));
        Assert.Equal("Widgets", files[0].Service.Single().Name);
        Assert.Equal(TestDescriptors.Widgets.SerializedData, response.FileDescriptorResponse.FileDescriptorProto[0]);
    }

    [Fact]
    public void Answer_FileByFilename_ReturnsThatFile()
    {
        var response = Responder.Answer(new ServerReflectionRequest { FileByFilename = "grpc/health/v1/health.proto" });

        var file = FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto.Single());
        Assert.Equal("grpc.health.v1", file.Package);
        Assert.Equal(["Check", "Watch"], file.Service.Single().Method.Select(method => method.Name));
    }

    [Fact]
    public void Answer_FileByUnknownFilename_ReturnsNotFoundNamingTheFile()
    {
        var response = Responder.Answer(new ServerReflectionRequest { FileByFilename = "nope/missing.proto" });

        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.ErrorResponse, response.MessageResponseCase);
        Assert.Equal(NotFound, response.ErrorResponse.ErrorCode);
        Assert.Contains("nope/missing.proto", response.ErrorResponse.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_UnknownSymbol_ReturnsNotFoundNamingTheSymbol()
    {
        var response = Responder.Answer(new ServerReflectionRequest { FileContainingSymbol = "no.such.Service" });

        Assert.Equal(NotFound, response.ErrorResponse.ErrorCode);
        Assert.Contains("no.such.Service", response.ErrorResponse.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_FileContainingKnownExtension_ReturnsDeclaringFile()
    {
        var response = Responder.Answer(new ServerReflectionRequest
        {
            FileContainingExtension = new ExtensionRequest { ContainingType = $"{P}.Base", ExtensionNumber = 150 },
        });

        var file = FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]);
        Assert.Equal(TestDescriptors.MidFile, file.Name);
    }

    [Fact]
    public void Answer_FileContainingUnknownExtension_ReturnsNotFound()
    {
        var response = Responder.Answer(new ServerReflectionRequest
        {
            FileContainingExtension = new ExtensionRequest { ContainingType = $"{P}.Base", ExtensionNumber = 199 },
        });

        Assert.Equal(NotFound, response.ErrorResponse.ErrorCode);
        Assert.Contains($"{P}.Base", response.ErrorResponse.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_AllExtensionNumbersOfExtendedType_ReturnsNumbers()
    {
        var response = Responder.Answer(new ServerReflectionRequest { AllExtensionNumbersOfType = $"{P}.Base" });

        Assert.Equal($"{P}.Base", response.AllExtensionNumbersResponse.BaseTypeName);
        Assert.Equal([100, 150], response.AllExtensionNumbersResponse.ExtensionNumber);
    }

    [Fact]
    public void Answer_AllExtensionNumbersOfPlainMessage_ReturnsEmptyList()
    {
        var response = Responder.Answer(new ServerReflectionRequest { AllExtensionNumbersOfType = "grpc.health.v1.HealthCheckRequest" });

        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.AllExtensionNumbersResponse, response.MessageResponseCase);
        Assert.Empty(response.AllExtensionNumbersResponse.ExtensionNumber);
    }

    [Fact]
    public void Answer_AllExtensionNumbersOfUnknownType_ReturnsNotFound()
    {
        var response = Responder.Answer(new ServerReflectionRequest { AllExtensionNumbersOfType = "no.such.Type" });

        Assert.Equal(NotFound, response.ErrorResponse.ErrorCode);
        Assert.Contains("no.such.Type", response.ErrorResponse.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_NoQuestion_ReturnsInvalidArgument()
    {
        var response = Responder.Answer(new ServerReflectionRequest { Host = "h" });

        Assert.Equal(InvalidArgument, response.ErrorResponse.ErrorCode);
    }
}
