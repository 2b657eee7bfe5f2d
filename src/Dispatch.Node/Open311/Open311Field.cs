namespace Dispatch.Node.Open311;

/// <summary>One named value of an Open311 answer, written as a JSON property or an XML element of the same name.</summary>
internal readonly record struct Open311Field(string Name, object? Value);
