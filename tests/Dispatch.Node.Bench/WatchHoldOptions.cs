namespace Dispatch.Node.Bench;

internal sealed record WatchHoldOptions(
    Uri Address, int Streams, TimeSpan Hold, int Rate, TimeSpan Settle, string User, string Reporter, string Password, int? NodePid);
