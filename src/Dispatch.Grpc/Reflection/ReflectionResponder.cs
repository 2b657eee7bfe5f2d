using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;

namespace Grpc.Reflection;

/// <summary>Answers one reflection request from a <see cref="SymbolIndex"/>. Never throws for a bad request.</summary>
internal sealed class ReflectionResponder(SymbolIndex index)
{
    public ServerReflectionResponse Answer(ServerReflectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                var services = new ListServiceResponse();
                services.Service.AddRange(index.ServiceNames.Select(name => new ServiceResponse { Name = name }));
                response.ListServicesResponse = services;
                break;

            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                SetFile(response, index.FindFileByName(request.FileByFilename), $"File not found: {request.FileByFilename}");
                break;

            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                SetFile(
                    response,
                    index.FindFileContainingSymbol(request.FileContainingSymbol),
                    $"Symbol not found: {request.FileContainingSymbol}");
                break;

            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
                var extension = request.FileContainingExtension;
                SetFile(
                    response,
                    index.FindFileContainingExtension(extension.ContainingType, extension.ExtensionNumber),
                    $"Extension not found: {extension.ContainingType} field {extension.ExtensionNumber}");
                break;

            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
                var numbers = index.FindExtensionNumbers(request.AllExtensionNumbersOfType);
                if (numbers is null)
                {
                    SetError(response, StatusCode.NotFound, $"Type not found: {request.AllExtensionNumbersOfType}");
                    break;
                }

                var extensionNumbers = new ExtensionNumberResponse { BaseTypeName = request.AllExtensionNumbersOfType.TrimStart('.') };
                extensionNumbers.ExtensionNumber.AddRange(numbers);
                response.AllExtensionNumbersResponse = extensionNumbers;
                break;

            default:
                SetError(response, StatusCode.InvalidArgument, "The request asks no question: message_request is not set.");
                break;
        }

        return response;
    }

    private static void SetFile(ServerReflectionResponse response, FileDescriptor? file, string notFoundMessage)
    {
        if (file is null)
        {
            SetError(response, StatusCode.NotFound, notFoundMessage);
            return;
        }

        var files = new FileDescriptorResponse();
        files.FileDescriptorProto.AddRange(SymbolIndex.WithDependencies(file).Select(f => f.SerializedData));
        response.FileDescriptorResponse = files;
    }

    private static void SetError(ServerReflectionResponse response, StatusCode code, string message) =>
        response.ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message };
}
