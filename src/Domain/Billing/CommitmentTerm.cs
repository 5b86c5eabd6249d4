namespace Platform.Domain.Billing;

/// <summary>A reserved term; the value is its length in years.</summary>
public enum CommitmentTerm
{
    OneYear = 1,
    ThreeYears = 3,
}
