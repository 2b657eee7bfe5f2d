namespace Dispatch.Node.Bench;

/// <summary>The <c>list</c> mode's settings.</summary>
internal sealed record ListOptions(Uri Address, int Rounds, string User, string Password);
