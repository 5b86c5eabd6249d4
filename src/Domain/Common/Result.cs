namespace Platform.Domain.Common;

/// <summary>Either a value or an <see cref="Error"/>. Expected failures never throw.</summary>
public readonly struct Result<T> : IFailable<Result<T>>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Result is a failure: {Error!.Reason}");

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Error error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    public static Result<T> FromError(Error error) => Failure(error);

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);

    public Result<TOut> Map<TOut>(Func<T, TOut> map) => IsSuccess ? map(_value!) : Result<TOut>.Failure(Error!);

    public bool TryGetValue(out T value, out Error error)
    {
        value = _value!;
        error = Error!;
        return IsSuccess;
    }
}
