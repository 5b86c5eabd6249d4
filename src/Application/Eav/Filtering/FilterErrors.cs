using System.Globalization;
using Platform.Domain.Common;
using Platform.Domain.Eav.Values;

namespace Platform.Application.Eav.Filtering;

/// <summary>
/// Filter and order_by errors: INVALID_ARGUMENT naming the request field, with the 1-based column
/// (in code points, so it agrees with what clients in any language count) in the description
/// and in the metadata.
/// </summary>
public static class FilterErrors
{
    public const string FilterField = "filter";
    public const string OrderByField = "order_by";

    /// <param name="index">UTF-16 index into <paramref name="text"/> where the problem starts.</param>
    public static Error At(string text, int index, string message, string field = FilterField)
    {
        var column = Column(text, index);
        var description = $"{message} (column {column})";
        return Error.Custom(ErrorKind.Invalid, ErrorReasons.ValidationFailed, $"Invalid {field}: {description}",
            [new FieldViolation(field, description)],
            new Dictionary<string, string> { ["column"] = column.ToString(CultureInfo.InvariantCulture) });
    }

    public static int Column(string text, int index) => TextRules.Length(text[..Math.Clamp(index, 0, text.Length)]) + 1;
}
