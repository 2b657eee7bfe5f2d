using Google.Protobuf;

namespace Dispatch.Node.Tests.Permissions;

/// <summary>The request of one RPC in the caller's own scope, and outside it when the request can name something out of scope.</summary>
internal sealed record MatrixRequest(Func<PermissionMatrixFixture, MatrixCaller, IMessage> Own, Func<PermissionMatrixFixture, MatrixCaller, IMessage>? Other = null);
