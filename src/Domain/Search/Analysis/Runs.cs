using System.Text;

namespace Platform.Domain.Search.Analysis;

/// <summary>
/// Groups pieces into words, numbers and CJK runs. The joining rules are deliberately few:
/// <list type="bullet">
/// <item>an apostrophe between two letters joins them and is then dropped ("don't" → "dont",
/// "O'Brien" → "obrien"), and a final "'s" is dropped ("Kate's" → "kate");</item>
/// <item>a dot between two digits joins them and stays ("3.14", "v2.0");</item>
/// <item>everything else splits, hyphens and underscores included ("e-mail" → "e", "mail"); a synonym
/// can join such pairs where a tenant cares.</item>
/// </list>
/// Letters and digits run together ("iPhone15" is one word) but a CJK character always ends a word.
/// </summary>
internal static class Runs
{
    public static List<Run> Of(string text)
    {
        var pieces = Segmenter.Split(text);
        var runs = new List<Run>();
        var i = 0;
        while (i < pieces.Count)
        {
            i = pieces[i].Class switch
            {
                PieceClass.Letter or PieceClass.Digit => AddWord(pieces, i, runs),
                PieceClass.Cjk => AddCjk(pieces, i, runs),
                _ => i + 1,
            };
        }

        return runs;
    }

    private static int AddWord(List<Piece> pieces, int first, List<Run> runs)
    {
        var end = first + 1;
        while (end < pieces.Count && (pieces[end].Class is PieceClass.Letter or PieceClass.Digit || Joins(pieces, end)))
        {
            end++;
        }

        var kept = IsPossessive(pieces, first, end) ? end - 2 : end;
        var term = new StringBuilder();
        var number = true;
        for (var i = first; i < kept; i++)
        {
            if (pieces[i].Class != PieceClass.Apostrophe)
            {
                term.Append(pieces[i].Text);
                number &= pieces[i].Class != PieceClass.Letter;
            }
        }

        var text = term.ToString();
        text = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        runs.Add(new Run(number ? RunKind.Number : RunKind.Word, text, pieces[first].Start, pieces[end - 1].End, []));
        return end;
    }

    private static int AddCjk(List<Piece> pieces, int first, List<Run> runs)
    {
        var end = first + 1;
        while (end < pieces.Count && pieces[end].Class == PieceClass.Cjk)
        {
            end++;
        }

        var run = pieces.GetRange(first, end - first);
        runs.Add(new Run(RunKind.Cjk, string.Concat(run.Select(p => p.Text)), run[0].Start, run[^1].End, run));
        return end;
    }

    private static bool Joins(List<Piece> pieces, int i)
    {
        if (i + 1 >= pieces.Count)
        {
            return false;
        }

        var (before, after) = (pieces[i - 1].Class, pieces[i + 1].Class);
        return pieces[i].Class switch
        {
            PieceClass.Apostrophe => before == PieceClass.Letter && after == PieceClass.Letter,
            PieceClass.Dot => before == PieceClass.Digit && after == PieceClass.Digit,
            _ => false,
        };
    }

    private static bool IsPossessive(List<Piece> pieces, int first, int end) =>
        end - first >= 3 && pieces[end - 2].Class == PieceClass.Apostrophe && pieces[end - 1].Text == "s";
}
