namespace Dispatch.Node.Bench;

/// <summary>The <c>list</c> mode's settings: the command centre's user and a grid worker for the worker-scoped filters.</summary>
internal sealed record ListOptions(Uri Address, int Rounds, string User, string WorkerUser, string Password);
