using Mediator;
using Platform.Domain.Common;

namespace Platform.Application.Common;

/// <summary>Short-circuits invalid requests with a VALIDATION_FAILED result before the handler runs.</summary>
public sealed class ValidationBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
    where TResponse : IFailable<TResponse>
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IValidatable validatable && validatable.Validate() is { } error)
        {
            return ValueTask.FromResult(TResponse.FromError(error));
        }

        return next(message, cancellationToken);
    }
}
