namespace Platform.Domain.Billing;

/// <summary>The invoice lines a discount applies to.</summary>
public enum DiscountScope
{
    /// <summary>Base fees, prorations and usage.</summary>
    All = 1,

    /// <summary>Base fees and their prorations.</summary>
    BaseFee = 2,

    /// <summary>Usage charges.</summary>
    Usage = 3,
}
