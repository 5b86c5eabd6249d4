namespace Platform.Domain.Search.Analysis;

/// <summary>
/// English suffix stripping exactly as published: M. F. Porter, "An algorithm for suffix stripping",
/// Program 14(3), 1980, not the later tweaks of some ports ("-bli", "-logi"): the paper is the one definition
/// every implementation can be checked against. Snowball's "porter" stemmer follows it too and gives the same
/// stems on 125,000 words but two (ADR 0008, which also says why this is written here rather than taken from
/// a package). One-letter words are left alone: the rules would turn "s" into an empty term.
/// In each step only the rule with the longest matching suffix is tried; if its condition fails, the step
/// does nothing.
/// </summary>
public static class PorterStemmer
{
    private static readonly (string Suffix, string Replacement)[] Step2Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
        ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
        ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
        ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Rules =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ];

    private static readonly (string Suffix, string Replacement)[] Step4Rules =
    [
        ("al", ""), ("ance", ""), ("ence", ""), ("er", ""), ("ic", ""), ("able", ""), ("ible", ""), ("ant", ""),
        ("ement", ""), ("ment", ""), ("ent", ""), ("ion", ""), ("ou", ""), ("ism", ""), ("ate", ""), ("iti", ""),
        ("ous", ""), ("ive", ""), ("ize", ""),
    ];

    /// <summary>Stems a lower-case ASCII word; anything else (digits, accents, other scripts) is returned as is.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 1 || !word.All(char.IsAsciiLetterLower))
        {
            return word;
        }

        var w = new PorterWord(word);
        Step1a(w);
        Step1b(w);
        Step1c(w);
        ReplaceLongest(w, Step2Rules);
        ReplaceLongest(w, Step3Rules);
        Step4(w);
        Step5(w);
        return w.ToString();
    }

    /// <summary>Plurals: "caresses" → "caress", "ponies" → "poni", "caress" stays, "cats" → "cat".</summary>
    private static void Step1a(PorterWord w)
    {
        if (w.EndsWith("sses") || w.EndsWith("ies"))
        {
            w.Truncate(2);
        }
        else if (!w.EndsWith("ss") && w.EndsWith("s"))
        {
            w.Truncate(1);
        }
    }

    /// <summary>Past tenses and gerunds: "agreed" → "agree", "plastered" → "plaster", "motoring" → "motor".</summary>
    private static void Step1b(PorterWord w)
    {
        if (w.EndsWith("eed"))
        {
            if (w.Measure(w.Length - 3) > 0)
            {
                w.Truncate(1);
            }

            return;
        }

        var suffix = w.EndsWith("ed") ? 2 : w.EndsWith("ing") ? 3 : 0;
        if (suffix == 0 || !w.HasVowel(w.Length - suffix))
        {
            return;
        }

        w.Truncate(suffix);

        // Repair what the removal exposed: "conflat" → "conflate", "hopp" → "hop", "fil" → "file".
        if (w.EndsWith("at") || w.EndsWith("bl") || w.EndsWith("iz"))
        {
            w.Replace(0, "e");
        }
        else if (w.EndsWithDoubleConsonant() && w.Last is not ('l' or 's' or 'z'))
        {
            w.Truncate(1);
        }
        else if (w.Measure(w.Length) == 1 && w.EndsCvc(w.Length))
        {
            w.Replace(0, "e");
        }
    }

    /// <summary>"happy" → "happi" (so it meets "happiness"), but "sky" stays.</summary>
    private static void Step1c(PorterWord w)
    {
        if (w.EndsWith("y") && w.HasVowel(w.Length - 1))
        {
            w.SetLast('i');
        }
    }

    /// <summary>Steps 2 and 3: "relational" → "relate", "hopeful" → "hope", when the stem left has m > 0.</summary>
    private static void ReplaceLongest(PorterWord w, (string Suffix, string Replacement)[] rules)
    {
        if (Longest(w, rules) is { } rule && w.Measure(w.Length - rule.Suffix.Length) > 0)
        {
            w.Replace(rule.Suffix.Length, rule.Replacement);
        }
    }

    /// <summary>Removes a final suffix when m of the stem left is above 1: "adjustment" → "adjust".</summary>
    private static void Step4(PorterWord w)
    {
        if (Longest(w, Step4Rules) is not { Suffix: var suffix })
        {
            return;
        }

        var ionAfterSOrT = suffix != "ion" || w.EndsWith("sion") || w.EndsWith("tion");
        if (ionAfterSOrT && w.Measure(w.Length - suffix.Length) > 1)
        {
            w.Truncate(suffix.Length);
        }
    }

    /// <summary>
    /// A final e goes when the stem is long enough ("probate" → "probat", "rate" stays), and a final double l
    /// loses one l ("controll" → "control", "roll" stays).
    /// </summary>
    private static void Step5(PorterWord w)
    {
        if (w.EndsWith("e"))
        {
            var m = w.Measure(w.Length - 1);
            if (m > 1 || (m == 1 && !w.EndsCvc(w.Length - 1)))
            {
                w.Truncate(1);
            }
        }

        if (w.Last == 'l' && w.EndsWithDoubleConsonant() && w.Measure(w.Length) > 1)
        {
            w.Truncate(1);
        }
    }

    private static (string Suffix, string Replacement)? Longest(PorterWord w, (string Suffix, string Replacement)[] rules)
    {
        (string Suffix, string Replacement)? best = null;
        foreach (var rule in rules)
        {
            if (w.EndsWith(rule.Suffix) && (best is null || rule.Suffix.Length > best.Value.Suffix.Length))
            {
                best = rule;
            }
        }

        return best;
    }
}
