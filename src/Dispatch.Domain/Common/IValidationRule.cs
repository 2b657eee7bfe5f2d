namespace Dispatch.Domain.Common;

/// <summary>A check on one input value; the class name is the rule's name.</summary>
internal interface IValidationRule
{
    string Field { get; }

    bool IsBroken();

    /// <summary>Says what is wrong; read only when the rule is broken.</summary>
    string Message { get; }
}
