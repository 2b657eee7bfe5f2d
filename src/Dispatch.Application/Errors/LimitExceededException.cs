namespace Dispatch.Application.Errors;

/// <summary>
/// The caller went over a limit (a rate, a count of open streams). Maps to RESOURCE_EXHAUSTED, with
/// <see cref="RetryAfter"/> as the retry information when waiting helps.
/// </summary>
internal sealed class LimitExceededException(string message, TimeSpan? retryAfter = null) : Exception(message)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
