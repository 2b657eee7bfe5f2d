namespace Dispatch.Domain.Common;

/// <summary>
/// Base of every error the domain raises on purpose. Hosts turn it into a status in one place;
/// the domain never knows about transports.
/// </summary>
public abstract class DomainException : Exception
{
    protected DomainException(string rule, string message)
        : base(message)
    {
        Rule = rule;
    }

    /// <summary>Name of the broken rule, a sentence in PascalCase (e.g. <c>VerifierMustNotBeResolver</c>).</summary>
    public string Rule { get; }
}
