namespace Platform.Domain.Eav;

public static class EntityNames
{
    public static string Of(string tenantId, string typeId, string id) => $"tenants/{tenantId}/entityTypes/{typeId}/entities/{id}";
}
