using System.Globalization;

namespace Platform.Application.Common;

/// <summary>The (time, id) keyset position every list's page token carries (see <see cref="PageToken"/>).</summary>
internal sealed record KeysetCursor(DateTime Time, string Id)
{
    public static string Encode(string fingerprint, DateTime createTime, string id) =>
        PageToken.Encode(fingerprint, [createTime.Ticks.ToString(CultureInfo.InvariantCulture), id]);

    /// <summary>False for a key that decodes but is not a cursor; a null key (first page) gives a null cursor.</summary>
    public static bool TryParse(IReadOnlyList<string>? key, out KeysetCursor? cursor)
    {
        cursor = null;
        if (key is null)
        {
            return true;
        }

        if (key is not [var time, var id] || !long.TryParse(time, CultureInfo.InvariantCulture, out var ticks) || ticks < 0 || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        cursor = new KeysetCursor(new DateTime(ticks, DateTimeKind.Utc), id);
        return true;
    }
}
