namespace Platform.Domain.Search.Analysis;

/// <summary>
/// A word being stemmed, with the tests the Porter rules are written in. A consonant is any letter but
/// a, e, i, o, u, and y after a consonant (y at the start or after a vowel is a consonant). The measure m of a
/// stem is the number of vowel-consonant sequences in it: "tr" 0, "trouble" 1, "private" 2.
/// </summary>
internal sealed class PorterWord(string word)
{
    private readonly char[] _letters = [.. word, '\0', '\0'];

    public int Length { get; private set; } = word.Length;

    public char Last => _letters[Length - 1];

    public bool EndsWith(string suffix) =>
        suffix.Length <= Length && _letters.AsSpan(Length - suffix.Length, suffix.Length).SequenceEqual(suffix);

    /// <summary>Replaces the last <paramref name="suffixLength"/> letters (at most two more than it removes).</summary>
    public void Replace(int suffixLength, string replacement)
    {
        Length -= suffixLength;
        replacement.CopyTo(_letters.AsSpan(Length));
        Length += replacement.Length;
    }

    public void Truncate(int count) => Length -= count;

    public void SetLast(char letter) => _letters[Length - 1] = letter;

    public bool IsConsonant(int i)
    {
        // Walk back over y's: each y flips the answer of the letter before it.
        var flips = 0;
        while (_letters[i] == 'y' && i > 0)
        {
            flips++;
            i--;
        }

        var consonant = _letters[i] is not ('a' or 'e' or 'i' or 'o' or 'u');
        return flips % 2 == 0 ? consonant : !consonant;
    }

    /// <summary>m of the first <paramref name="stemLength"/> letters.</summary>
    public int Measure(int stemLength)
    {
        var m = 0;
        for (var i = 1; i < stemLength; i++)
        {
            if (IsConsonant(i) && !IsConsonant(i - 1))
            {
                m++;
            }
        }

        return m;
    }

    /// <summary>*v*: the first <paramref name="stemLength"/> letters contain a vowel.</summary>
    public bool HasVowel(int stemLength)
    {
        for (var i = 0; i < stemLength; i++)
        {
            if (!IsConsonant(i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>*d: the word ends with a double consonant ("-tt", "-ss").</summary>
    public bool EndsWithDoubleConsonant() =>
        Length >= 2 && _letters[Length - 1] == _letters[Length - 2] && IsConsonant(Length - 1);

    /// <summary>*o: the stem ends consonant-vowel-consonant, the last not w, x or y ("hop", "fil", not "snow").</summary>
    public bool EndsCvc(int stemLength) =>
        stemLength >= 3 && IsConsonant(stemLength - 3) && !IsConsonant(stemLength - 2) && IsConsonant(stemLength - 1)
        && _letters[stemLength - 1] is not ('w' or 'x' or 'y');

    public override string ToString() => new(_letters, 0, Length);
}
