namespace Dispatch.Grpc.Interop.Tests.Cases;

/// <summary>
/// The interop cases run in every direction. The names are the python client's <c>--case</c>
/// values and the keys of <see cref="Client.InteropClient.RunAsync"/>.
/// </summary>
public static class InteropCases
{
    public const string EmptyUnary = "empty_unary";
    public const string LargeUnary = "large_unary";
    public const string ClientStreaming = "client_streaming";
    public const string ServerStreaming = "server_streaming";
    public const string PingPong = "ping_pong";
    public const string EmptyStream = "empty_stream";
    public const string CustomMetadata = "custom_metadata";
    public const string StatusCodeAndMessage = "status_code_and_message";
    public const string SpecialStatusMessage = "special_status_message";
    public const string UnimplementedMethod = "unimplemented_method";
    public const string UnimplementedService = "unimplemented_service";
    public const string TimeoutOnSleepingServer = "timeout_on_sleeping_server";
    public const string CancelAfterBegin = "cancel_after_begin";
    public const string CancelAfterFirstResponse = "cancel_after_first_response";
    public const string ClientCompressedUnary = "client_compressed_unary";
    public const string ServerCompressedUnary = "server_compressed_unary";

    public static IReadOnlyList<string> All { get; } =
    [
        EmptyUnary,
        LargeUnary,
        ClientStreaming,
        ServerStreaming,
        PingPong,
        EmptyStream,
        CustomMetadata,
        StatusCodeAndMessage,
        SpecialStatusMessage,
        UnimplementedMethod,
        UnimplementedService,
        TimeoutOnSleepingServer,
        CancelAfterBegin,
        CancelAfterFirstResponse,
        ClientCompressedUnary,
        ServerCompressedUnary,
    ];

    /// <summary>Every case, as xunit theory data.</summary>
    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in All)
            {
                data.Add(name);
            }

            return data;
        }
    }
}
