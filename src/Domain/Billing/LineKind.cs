namespace Platform.Domain.Billing;

/// <summary>What an invoice line is for.</summary>
public enum LineKind
{
    /// <summary>A base fee billed in advance for the period being opened.</summary>
    BaseFee = 1,

    /// <summary>Returns the unused part of a base fee paid in advance, after an immediate plan change (negative).</summary>
    ProrationCredit = 2,

    /// <summary>The new plan's fee for the rest of the period, after an immediate plan change.</summary>
    ProrationCharge = 3,

    /// <summary>A metric's charge for the period being closed, billed in arrears.</summary>
    Usage = 4,

    /// <summary>A discount (negative), split over the lines it applies to.</summary>
    Discount = 5,

    /// <summary>Credit from the tenant's balance spent on this invoice (negative).</summary>
    CreditApplied = 6,

    /// <summary>Moves an excess of credits off the invoice into the tenant's balance (positive), so the total is never negative.</summary>
    CreditCarriedForward = 7,
}
