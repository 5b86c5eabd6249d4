using Platform.Domain.Eav;

namespace Platform.Application.Eav.Filtering.Bound;

/// <summary>
/// The value (or some item) has more than <see cref="MaxLength"/> code points. Not in the filter
/// language: schema checks use it to find entities a lowered max_length would reject.
/// </summary>
public sealed record BoundLongerThan(AttributeDefinition Attribute, int MaxLength) : BoundFilter;
