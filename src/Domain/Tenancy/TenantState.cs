namespace Platform.Domain.Tenancy;

public enum TenantState
{
    Active = 1,
    Suspended = 2,
    Deleted = 3,
}
