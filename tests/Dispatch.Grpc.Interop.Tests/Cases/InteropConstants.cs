namespace Dispatch.Grpc.Interop.Tests.Cases;

/// <summary>Sizes, keys and texts fixed by gRPC's interop test descriptions.</summary>
public static class InteropConstants
{
    public const int LargeRequestSize = 271_828;
    public const int LargeResponseSize = 314_159;
    public const int AggregatedRequestSize = 74_922;

    public const string EchoInitialKey = "x-grpc-test-echo-initial";
    public const string EchoInitialValue = "test_initial_metadata_value";
    public const string EchoTrailingKey = "x-grpc-test-echo-trailing-bin";

    public const string StatusMessage = "test status message";

    /// <summary>
    /// Tabs, CR, LF, a percent sign (the escape character of grpc-message), BMP characters and
    /// non-BMP characters (surrogate pairs in UTF-16, four bytes in UTF-8).
    /// </summary>
    public const string SpecialStatusMessage =
        "\t tab, CR\r, LF\n, CRLF\r\n, 100% \u00e9t\u00e9 \u2603 \u6f22 and \U0001F680 \U00010348\t\n";

    /// <summary>The header that asks grpc-dotnet (and the Dispatch runtime) to gzip messages.</summary>
    public const string CompressionRequestHeader = "grpc-internal-encoding-request";

    public static IReadOnlyList<int> StreamingRequestSizes { get; } = [27_182, 8, 1_828, 45_904];

    public static IReadOnlyList<int> StreamingResponseSizes { get; } = [31_415, 9, 2_653, 58_979];

    public static byte[] EchoTrailingValue => [0xab, 0xab, 0xab];
}
