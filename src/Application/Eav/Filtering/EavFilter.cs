using Platform.Application.Eav.Filtering.Bound;
using Platform.Application.Eav.Filtering.Syntax;
using Platform.Domain.Common;
using Platform.Domain.Eav;

namespace Platform.Application.Eav.Filtering;

/// <summary>The entry point for ListEntities' filter: parse, then bind to the type. Null means "everything".</summary>
public static class EavFilter
{
    public static Result<BoundFilter?> Parse(string? filter, EntityType type)
    {
        if (!FilterParser.Parse(filter).TryGetValue(out var syntax, out var error))
        {
            return error;
        }

        if (syntax is null)
        {
            return Result<BoundFilter?>.Success(null);
        }

        return FilterBinder.Bind(syntax, type, filter!).Map(b => (BoundFilter?)b);
    }
}
