using Platform.Application.Abstractions;
using Platform.Domain.Billing;
using Platform.Domain.Tenancy;

namespace Platform.Application.Billing;

/// <summary>A tenant's monthly billing calendar from its time zone and billing anchor day.</summary>
internal sealed class TenantCalendars(ITenantDirectory directory)
{
    /// <summary>Null when the tenant does not exist.</summary>
    public async ValueTask<(Tenant Tenant, BillingCalendar Calendar)?> FindAsync(string tenantId, CancellationToken ct)
    {
        if (await directory.FindAsync(TenantId.Create(tenantId).Value, ct) is not { } tenant)
        {
            return null;
        }

        // The tenant's own settings were validated with the same rules, so this cannot fail.
        var calendar = BillingCalendar.Create(tenant.TimeZone, BillingInterval.Month, tenant.BillingAnchorDay).Value;
        return (tenant, calendar);
    }
}
