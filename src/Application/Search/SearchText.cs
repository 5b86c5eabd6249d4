using System.Net;
using System.Text;
using Platform.Domain.Search.Analysis;

namespace Platform.Application.Search;

/// <summary>
/// The one place documents and queries are analyzed, so both sides always produce the same terms,
/// and where highlights are cut from the original text using the analyzer's offsets.
/// </summary>
internal static class SearchText
{
    private const int SnippetLength = 160;
    private const int LeadIn = 40;

    public static IEnumerable<string> Terms(string text) => TextAnalyzer.Default.Analyze(text).Select(t => t.Term);

    /// <summary>
    /// A snippet of <paramref name="text"/> around its first match with every matched span wrapped
    /// in <c>&lt;em&gt;</c> (overlapping CJK bigrams merged into one span), HTML-escaped; null when nothing matches.
    /// </summary>
    public static string? Highlight(string text, IReadOnlySet<string> terms)
    {
        var spans = Merge(TextAnalyzer.Default.Analyze(text).Where(t => terms.Contains(t.Term)).Select(t => (t.Start, t.End)));
        if (spans.Count == 0)
        {
            return null;
        }

        var from = Math.Max(0, spans[0].Start - LeadIn);
        from = from > 0 && char.IsLowSurrogate(text[from]) ? from - 1 : from;
        var to = Math.Min(text.Length, from + SnippetLength);
        to = to < text.Length && char.IsLowSurrogate(text[to]) ? to + 1 : to;

        var snippet = new StringBuilder(from > 0 ? "…" : "");
        var at = from;
        foreach (var (start, end) in spans.Where(s => s.Start >= from && s.End <= to))
        {
            snippet.Append(WebUtility.HtmlEncode(text[at..start])).Append("<em>").Append(WebUtility.HtmlEncode(text[start..end])).Append("</em>");
            at = end;
        }

        snippet.Append(WebUtility.HtmlEncode(text[at..to]));
        return to < text.Length ? snippet.Append('…').ToString() : snippet.ToString();
    }

    private static List<(int Start, int End)> Merge(IEnumerable<(int Start, int End)> spans)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }
}
