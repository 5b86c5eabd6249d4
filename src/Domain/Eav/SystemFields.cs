namespace Platform.Domain.Eav;

/// <summary>Entity fields that are not attributes but can be filtered and sorted on.</summary>
public static class SystemFields
{
    public const string CreateTime = "create_time";
    public const string UpdateTime = "update_time";

    public static bool IsSystemField(string? name) => name is CreateTime or UpdateTime;
}
