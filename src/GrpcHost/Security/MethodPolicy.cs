using System.Reflection;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Platform.Api.V1;

namespace Platform.GrpcHost.Security;

/// <summary>What the proto says about one RPC: its permission, whether it mutates, where its resource name is.</summary>
public sealed record MethodPolicy(
    string Method,
    string Permission,
    bool OperatorOnly,
    int Cost,
    bool Mutating,
    Func<IMessage, string?> ResourceName,
    Func<IMessage, string?> RequestId);

/// <summary>
/// Every Platform RPC's policy, read once from the generated service descriptors in this assembly.
/// A method missing here is refused (deny by default); health and reflection are the only
/// unauthenticated services.
/// </summary>
public sealed class MethodPolicies
{
    private static readonly string[] OpenServices = ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"];

    private readonly Dictionary<string, MethodPolicy> _byMethod;

    public MethodPolicies()
    {
        _byMethod = PlatformServices().SelectMany(s => s.Methods).Where(m => m.GetOptions()?.HasExtension(MethodOptionsExtensions.MethodAuth) == true)
            .Select(Build).ToDictionary(p => p.Method, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<MethodPolicy> All => _byMethod.Values;

    public MethodPolicy? Find(string method) => _byMethod.GetValueOrDefault(method);

    public static bool IsOpen(string method) =>
        OpenServices.Any(s => method.Length > s.Length + 1 && method[1..].StartsWith(s, StringComparison.Ordinal) && method[s.Length + 1] == '/');

    /// <summary>The service descriptors generated into this assembly from protos/platform.</summary>
    public static IReadOnlyList<ServiceDescriptor> PlatformServices() =>
        typeof(MethodPolicies).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Namespace?.StartsWith("Platform.", StringComparison.Ordinal) == true)
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(ServiceDescriptor))
            .Select(p => (ServiceDescriptor)p!.GetValue(null)!)
            .ToList();

    private static MethodPolicy Build(MethodDescriptor m)
    {
        var auth = m.GetOptions().GetExtension(MethodOptionsExtensions.MethodAuth);
        var http = m.GetOptions().GetExtension(AnnotationsExtensions.Http);
        var path = http?.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => http.Get,
            HttpRule.PatternOneofCase.Post => http.Post,
            HttpRule.PatternOneofCase.Patch => http.Patch,
            HttpRule.PatternOneofCase.Put => http.Put,
            HttpRule.PatternOneofCase.Delete => http.Delete,
            _ => "",
        };
        return new MethodPolicy(
            $"/{m.Service.FullName}/{m.Name}",
            auth.Permission,
            auth.OperatorOnly,
            Math.Max(1, auth.Cost),
            Mutating: http?.PatternCase != HttpRule.PatternOneofCase.Get,
            ResourceName: StringAt(m.InputType, FirstVariable(path)),
            RequestId: StringAt(m.InputType, m.InputType.FindFieldByName("request_id") is null ? null : "request_id"));
    }

    /// <summary>The field path of the first URL variable: "/v1/{tenant.name=tenants/*}" → "tenant.name".</summary>
    private static string? FirstVariable(string path)
    {
        var open = path.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        var end = path.IndexOfAny(['=', '}'], open);
        return path[(open + 1)..end];
    }

    private static Func<IMessage, string?> StringAt(MessageDescriptor type, string? fieldPath)
    {
        if (fieldPath is null)
        {
            return _ => null;
        }

        var fields = new List<FieldDescriptor>();
        foreach (var part in fieldPath.Split('.'))
        {
            var field = type.FindFieldByName(part) ?? throw new InvalidOperationException($"{type.FullName} has no field {part}.");
            fields.Add(field);
            type = field.FieldType == FieldType.Message ? field.MessageType : type;
        }

        return message =>
        {
            object? value = message;
            foreach (var f in fields)
            {
                value = value is IMessage m ? f.Accessor.GetValue(m) : null;
            }

            return value as string;
        };
    }
}
