using Platform.Application.Abstractions;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Tenancy;

/// <summary>
/// Parses the ListTenants filter, an AIP-160 subset: <c>field (=|!=) VALUE</c> terms joined by AND,
/// over <c>state</c> and <c>tier</c>. The general filter language arrives with the EAV service; this
/// one is deliberately tiny because tenants have two filterable fields.
/// </summary>
public static class TenantFilter
{
    private const string Field = "filter";

    public static Result<IReadOnlyList<TenantFilterTerm>> Parse(string? filter)
    {
        var terms = new List<TenantFilterTerm>();
        if (string.IsNullOrWhiteSpace(filter))
        {
            return terms;
        }

        var tokens = Tokenize(filter);
        var i = 0;
        while (true)
        {
            if (i + 3 > tokens.Count)
            {
                // Terms can only be cut short at the end of the input.
                return Fail($"expected 'field = VALUE' at position {filter.TrimEnd().Length}");
            }

            var (field, op, value) = (tokens[i], tokens[i + 1], tokens[i + 2]);
            var term = ParseTerm(field.Text, op.Text, value.Text);
            if (!term.TryGetValue(out var parsed, out var error))
            {
                return error;
            }

            terms.Add(parsed);
            i += 3;
            if (i == tokens.Count)
            {
                return terms;
            }

            if (tokens[i].Text != "AND")
            {
                return Fail($"expected AND at position {tokens[i].Position} (only AND is supported)");
            }

            i++;
        }
    }

    private static Result<TenantFilterTerm> ParseTerm(string field, string op, string value)
    {
        if (op is not ("=" or "!="))
        {
            return Fail($"operator '{op}' is not supported; use = or !=");
        }

        var negated = op == "!=";
        return field switch
        {
            "state" => ParseEnum<TenantState>(value, "STATE_") is { } s
                ? new TenantFilterTerm(TenantFilterField.State, negated, (int)s)
                : Fail($"unknown state '{value}'; use ACTIVE, SUSPENDED or DELETED"),
            "tier" => ParseEnum<Tier>(value, "TIER_") is { } t
                ? new TenantFilterTerm(TenantFilterField.Tier, negated, (int)t)
                : Fail($"unknown tier '{value}'; use FREE, STANDARD, VIP or ENTERPRISE"),
            _ => Fail($"unknown field '{field}'; filterable fields are state and tier"),
        };
    }

    private static T? ParseEnum<T>(string value, string prefix)
        where T : struct, Enum
    {
        var name = value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : value;
        if (name.Length == 0 || name.Any(c => c is not (>= 'A' and <= 'Z')))
        {
            return null;
        }

        return Enum.TryParse<T>(name, ignoreCase: true, out var parsed) ? parsed : null;
    }

    private static List<(string Text, int Position)> Tokenize(string filter)
    {
        var tokens = new List<(string, int)>();
        var i = 0;
        while (i < filter.Length)
        {
            if (char.IsWhiteSpace(filter[i]))
            {
                i++;
                continue;
            }

            var start = i;
            if (filter[i] is '=' or '!')
            {
                i += filter[i] == '!' && i + 1 < filter.Length && filter[i + 1] == '=' ? 2 : 1;
            }
            else
            {
                while (i < filter.Length && !char.IsWhiteSpace(filter[i]) && filter[i] is not ('=' or '!'))
                {
                    i++;
                }
            }

            tokens.Add((filter[start..i], start));
        }

        return tokens;
    }

    private static Error Fail(string description) => Error.Validation(Field, description);
}
