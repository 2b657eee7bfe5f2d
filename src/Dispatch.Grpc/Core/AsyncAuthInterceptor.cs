namespace Grpc.Core;

/// <summary>Adds authentication metadata (e.g. a bearer token) to an outgoing call.</summary>
public delegate Task AsyncAuthInterceptor(AuthInterceptorContext context, Metadata metadata);
