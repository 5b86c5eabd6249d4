using Platform.Domain.Common;

namespace Platform.Application.Common;

/// <summary>
/// A request that can check its own shape before any I/O. <see cref="ValidationBehavior{TMessage,TResponse}"/>
/// runs it for every message, so handlers only see well-formed input.
/// </summary>
public interface IValidatable
{
    Error? Validate();
}
