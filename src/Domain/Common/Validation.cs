namespace Platform.Domain.Common;

/// <summary>Collects field violations; keeps validators declarative and single-pass.</summary>
public sealed class Validation
{
    private readonly List<FieldViolation> _violations = [];

    public IReadOnlyList<FieldViolation> Violations => _violations;

    public bool IsValid => _violations.Count == 0;

    public Validation Add(string field, string description)
    {
        _violations.Add(new FieldViolation(field, description));
        return this;
    }

    public Validation Check(bool condition, string field, string description) =>
        condition ? this : Add(field, description);

    /// <summary>Adds the violations of a failed result, prefixing their field paths.</summary>
    public Validation Merge(Error? error, string prefix = "")
    {
        if (error is null)
        {
            return this;
        }

        foreach (var v in error.Violations)
        {
            _violations.Add(v with { Field = prefix.Length == 0 ? v.Field : $"{prefix}.{v.Field}" });
        }

        return this;
    }

    public Error? ToError() => IsValid ? null : Error.Validation(_violations);
}
