namespace Platform.Domain.Search.Analysis;

/// <summary>
/// Turns text into search terms, the same way for documents and queries:
/// NFKC (full-width "ｉＰｈｏｎｅ１５" reads as "iphone15"), lower case, Latin and Greek accents folded
/// ("Café" → "cafe"), English (Porter) stems for ASCII words, and overlapping bigrams for CJK runs, which have
/// no spaces to split on ("中华人民" → 中华, 华人, 人民). A CJK character with no CJK neighbour is a unigram.
/// Stop words are kept: BM25 already gives them little weight, and dropping them breaks queries like "to be".
/// Scripts such as Thai or Khmer, also written without spaces, are not segmented: a run is one word.
/// </summary>
public sealed class TextAnalyzer
{
    /// <summary>
    /// Bumped whenever a change here would give stored text other terms; an index built by an older
    /// version must be rebuilt, or queries will miss it.
    /// </summary>
    public const int Version = 1;

    /// <summary>
    /// Longer words (base64, hashes, run-together junk) are not indexed: nobody types them and they bloat
    /// the index; PostgreSQL also refuses tsvector lexemes over 2 KB.
    /// </summary>
    public const int MaxTermLength = 128;

    private readonly bool _stem;

    private TextAnalyzer(bool stem) => _stem = stem;

    /// <summary>For indexing and searching.</summary>
    public static TextAnalyzer Default { get; } = new(stem: true);

    /// <summary>Words as written (but normalized), for prefix completion, where stems would cut what is being typed.</summary>
    public static TextAnalyzer Unstemmed { get; } = new(stem: false);

    public IReadOnlyList<Token> Analyze(string text)
    {
        var tokens = new List<Token>();
        foreach (var run in Runs.Of(text))
        {
            if (run.Kind == RunKind.Cjk)
            {
                AddCjk(run, tokens);
            }
            else if (run.Text.Length <= MaxTermLength)
            {
                var word = run.Kind == RunKind.Word && _stem ? PorterStemmer.Stem(run.Text) : run.Text;
                tokens.Add(new Token(word, run.Start, run.End, tokens.Count, run.Kind == RunKind.Word ? TokenKind.Word : TokenKind.Number));
            }
        }

        return tokens;
    }

    private static void AddCjk(Run run, List<Token> tokens)
    {
        var pieces = run.Pieces;
        if (pieces.Count == 1)
        {
            tokens.Add(new Token(pieces[0].Text, pieces[0].Start, pieces[0].End, tokens.Count, TokenKind.CjkUnigram));
            return;
        }

        for (var i = 0; i + 1 < pieces.Count; i++)
        {
            var (first, second) = (pieces[i], pieces[i + 1]);
            tokens.Add(new Token(first.Text + second.Text, first.Start, second.End, tokens.Count, TokenKind.CjkBigram));
        }
    }
}
