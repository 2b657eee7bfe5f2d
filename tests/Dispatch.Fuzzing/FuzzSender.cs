using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Dispatch.Fuzzing;

/// <summary>
/// Sends cases to the node's plain-text gRPC port (HTTP/2 with prior knowledge) and reads what comes back. Header
/// floods get a connection of their own, so a connection the node closes over them takes no other case with it;
/// raw HTTP/2 cases write their bytes on a socket of their own.
/// </summary>
public sealed class FuzzSender(Uri address, TimeSpan deadline, TimeSpan streamHold) : IDisposable
{
    private readonly HttpClient _shared = NewClient();

    public async Task<FuzzAnswer> SendAsync(FuzzCase fuzzCase, CancellationToken cancellationToken)
    {
        if (fuzzCase.RawConnection is { } raw)
        {
            return await SendRawAsync(raw, cancellationToken);
        }

        if (fuzzCase.Kind == FuzzKind.Headers || HeaderBytes(fuzzCase.Request!) > 16_000)
        {
            using var own = NewClient();
            return await SendAsync(own, fuzzCase.Request!, fuzzCase.Rpc.ServerStreaming, cancellationToken);
        }

        return await SendAsync(_shared, fuzzCase.Request!, fuzzCase.Rpc.ServerStreaming, cancellationToken);
    }

    /// <summary>Sends one request; also the health probe's way in.</summary>
    public Task<FuzzAnswer> SendAsync(FuzzRequest request, bool serverStreaming, CancellationToken cancellationToken) =>
        SendAsync(_shared, request, serverStreaming, cancellationToken);

    private async Task<FuzzAnswer> SendAsync(HttpClient client, FuzzRequest fuzzRequest, bool serverStreaming, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        using var hold = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        if (serverStreaming)
        {
            hold.CancelAfter(streamHold);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, fuzzRequest.Path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(fuzzRequest.Body),
        };
        request.Content.Headers.ContentType = null;
        if (fuzzRequest.ContentType is { } type)
        {
            request.Content.Headers.TryAddWithoutValidation("content-type", type);
        }

        foreach (var (name, value) in fuzzRequest.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, hold.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return new FuzzAnswer(AnswerKind.Http, (int)response.StatusCode);
            }

            if (StatusOf(response.Headers) is { } trailersOnly)
            {
                return trailersOnly;
            }

            await using var body = await response.Content.ReadAsStreamAsync(hold.Token);
            await body.CopyToAsync(Stream.Null, hold.Token);
            return StatusOf(response.TrailingHeaders) ?? new FuzzAnswer(AnswerKind.NoStatus);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return timeout.IsCancellationRequested ? new FuzzAnswer(AnswerKind.NoAnswer) : new FuzzAnswer(AnswerKind.Abandoned);
        }
        catch (Exception error) when (error is HttpRequestException or IOException)
        {
            return new FuzzAnswer(AnswerKind.Reset, Message: error.GetBaseException().Message);
        }
    }

    private static int HeaderBytes(FuzzRequest request) => request.Path.Length + request.Headers.Sum(h => h.Key.Length + h.Value.Length);

    private static FuzzAnswer? StatusOf(HttpHeaders headers)
    {
        if (!headers.TryGetValues("grpc-status", out var values))
        {
            return null;
        }

        var message = headers.TryGetValues("grpc-message", out var messages) ? Uri.UnescapeDataString(string.Join(",", messages)) : "";
        return int.TryParse(values.First(), out var code) ? new FuzzAnswer(AnswerKind.Status, code, message) : new FuzzAnswer(AnswerKind.NoStatus, Message: values.First());
    }

    /// <summary>Writes the bytes on a new connection, half-closes it, and reads until the node closes it (or the deadline).</summary>
    private async Task<FuzzAnswer> SendRawAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(address.Host, address.Port, timeout.Token);
            await socket.SendAsync(bytes, SocketFlags.None, timeout.Token);
            socket.Shutdown(SocketShutdown.Send);
            var buffer = new byte[16 * 1024];
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) > 0)
            {
            }

            return new FuzzAnswer(AnswerKind.Reset, Message: "closed");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FuzzAnswer(AnswerKind.NoAnswer, Message: "the connection stayed open");
        }
        catch (SocketException error)
        {
            return new FuzzAnswer(AnswerKind.Reset, Message: error.SocketErrorCode.ToString());
        }
    }

    private static HttpClient NewClient() => new(new SocketsHttpHandler
    {
        // Long enough to see a status message that echoes a whole input, which is itself a finding.
        MaxResponseHeadersLength = 1024,
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public void Dispose() => _shared.Dispose();
}
