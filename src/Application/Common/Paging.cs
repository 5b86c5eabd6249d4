using Platform.Domain.Common;

namespace Platform.Application.Common;

/// <summary>AIP-158 page sizes: default 50, values above 1000 coerced, negative rejected.</summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    public static Result<int> PageSize(int requested) => requested switch
    {
        < 0 => Error.Validation("page_size", "must not be negative"),
        0 => DefaultPageSize,
        > MaxPageSize => MaxPageSize,
        _ => requested,
    };
}
