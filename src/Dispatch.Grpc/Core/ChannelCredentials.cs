namespace Grpc.Core;

/// <summary>Channel credentials: whether the transport is TLS, plus call credentials applied to every call.</summary>
public abstract class ChannelCredentials
{
    internal ChannelCredentials()
    {
    }

    /// <summary>Plain text (h2c). Call credentials are refused on it unless the channel explicitly allows them.</summary>
    public static ChannelCredentials Insecure { get; } = new TransportCredentials(isSecure: false, callCredentials: null);

    /// <summary>TLS with the system's trusted roots.</summary>
    public static ChannelCredentials SecureSsl { get; } = new TransportCredentials(isSecure: true, callCredentials: null);

    public static ChannelCredentials Create(ChannelCredentials channelCredentials, CallCredentials callCredentials)
    {
        ArgumentNullException.ThrowIfNull(channelCredentials);
        ArgumentNullException.ThrowIfNull(callCredentials);
        var combined = channelCredentials.CallCredentials is null
            ? callCredentials
            : CallCredentials.Compose(channelCredentials.CallCredentials, callCredentials);
        return new TransportCredentials(channelCredentials.IsSecure, combined);
    }

    internal abstract bool IsSecure { get; }

    internal abstract CallCredentials? CallCredentials { get; }

    private sealed class TransportCredentials(bool isSecure, CallCredentials? callCredentials) : ChannelCredentials
    {
        internal override bool IsSecure => isSecure;

        internal override CallCredentials? CallCredentials => callCredentials;
    }
}
