namespace Grpc.Core;

[Flags]
public enum WriteFlags
{
    BufferHint = 0x1,
    NoCompress = 0x2,
}
