namespace Platform.Domain.Common;

/// <summary>
/// A result type that can be built from an <see cref="Error"/>; lets generic pipeline steps
/// (validation) short-circuit a request without knowing its success type.
/// </summary>
public interface IFailable<TSelf>
    where TSelf : IFailable<TSelf>
{
    static abstract TSelf FromError(Error error);
}
