namespace Dispatch.Domain.Common;

/// <summary>A precondition on the state of an aggregate; the class name is the rule's name.</summary>
internal interface IBusinessRule
{
    bool IsBroken();

    /// <summary>Says what is wrong; read only when the rule is broken.</summary>
    string Message { get; }
}
