namespace Platform.Domain.Eav.Values;

/// <summary>
/// Orders strings by Unicode code point — the order of UTF-8 bytes, which is how SQLite (BINARY)
/// and PostgreSQL (COLLATE "C") compare. Ordinal UTF-16 comparison differs for characters above
/// U+E000 versus supplementary characters, so it would disagree with the database.
/// </summary>
public sealed class CodePointComparer : IComparer<string>
{
    public static readonly CodePointComparer Instance = new();

    private CodePointComparer()
    {
    }

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return Fixup(x[i]) - Fixup(y[i]);
            }
        }

        return x.Length - y.Length;
    }

    // Moves surrogates above the rest of the BMP so code units compare in code point order.
    private static int Fixup(char c) => c >= 0xD800 ? (c >= 0xE000 ? c - 0x800 : c + 0x2000) : c;
}
