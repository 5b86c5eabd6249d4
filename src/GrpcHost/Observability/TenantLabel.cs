using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Platform.GrpcHost.Observability;

/// <summary>
/// Finds the tenant a request is about from its resource name (<c>name</c>, <c>parent</c> or a
/// nested resource's <c>name</c>), for logs and metrics.
/// </summary>
public static class TenantLabel
{
    public const string None = "";

    public static string Of(object request)
    {
        if (request is not IMessage message)
        {
            return None;
        }

        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            if (field.FieldType == FieldType.String && field.Name is "name" or "parent")
            {
                return FromName(field.Accessor.GetValue(message) as string);
            }

            if (field.FieldType == FieldType.Message && !field.IsRepeated && !field.IsMap &&
                field.Accessor.GetValue(message) is IMessage nested &&
                nested.Descriptor.FindFieldByName("name") is { FieldType: FieldType.String } nameField)
            {
                return FromName(nameField.Accessor.GetValue(nested) as string);
            }
        }

        return None;
    }

    private static string FromName(string? name)
    {
        const string prefix = "tenants/";
        if (name is null || !name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return None;
        }

        var end = name.IndexOf('/', prefix.Length);
        return end < 0 ? name[prefix.Length..] : name[prefix.Length..end];
    }
}
