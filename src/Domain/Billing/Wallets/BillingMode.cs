namespace Platform.Domain.Billing.Wallets;

/// <summary>How a tenant pays for API calls. Values are stored in the wallets table.</summary>
public enum BillingMode
{
    /// <summary>Invoiced afterwards; never refused for lack of balance (the default).</summary>
    Postpaid = 1,

    /// <summary>Each call is paid from the wallet; refused once the balance cannot cover it.</summary>
    Prepaid = 2,
}
