using System.Reflection;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Platform.Integration.Tests.Isolation;

/// <summary>
/// Every RPC the SDK knows, discovered from its generated descriptors (nothing is listed by hand),
/// with what is needed to call it dynamically and to aim it at a resource.
/// </summary>
public sealed record RpcInfo(MethodDescriptor Descriptor, string HttpVerb, string HttpPath)
{
    public string FullName => $"/{Descriptor.Service.FullName}/{Descriptor.Name}";

    public bool IsUnary => !Descriptor.IsClientStreaming && !Descriptor.IsServerStreaming;

    /// <summary>The request field path bound to the first URL variable, e.g. "tenant.name".</summary>
    public string? ResourceField => Variable(HttpPath)?.Field;

    /// <summary>The URL variable's pattern, e.g. "tenants/*/apiKeys/*".</summary>
    public string? ResourcePattern => Variable(HttpPath)?.Pattern;

    public Method<IMessage, IMessage> ToMethod()
    {
        var input = Descriptor.InputType.Parser;
        var output = Descriptor.OutputType.Parser;
        return new Method<IMessage, IMessage>(MethodType.Unary, Descriptor.Service.FullName, Descriptor.Name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), b => input.ParseFrom(b)),
            Marshallers.Create<IMessage>(m => m.ToByteArray(), b => output.ParseFrom(b)));
    }

    /// <summary>A request with only the resource field set (nested messages created on the way).</summary>
    public IMessage RequestFor(string? resourceName)
    {
        var request = Descriptor.InputType.Parser.ParseFrom(ByteString.Empty);
        if (resourceName is null || ResourceField is null)
        {
            return request;
        }

        IMessage target = request;
        var parts = ResourceField.Split('.');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var field = target.Descriptor.FindFieldByName(parts[i]);
            var nested = field.MessageType.Parser.ParseFrom(ByteString.Empty);
            field.Accessor.SetValue(target, nested);
            target = nested;
        }

        target.Descriptor.FindFieldByName(parts[^1]).Accessor.SetValue(target, resourceName);
        return request;
    }

    private static (string Field, string Pattern)? Variable(string path)
    {
        var open = path.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        var close = path.IndexOf('}', open);
        var inner = path[(open + 1)..close];
        var eq = inner.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? (inner, "*") : (inner[..eq], inner[(eq + 1)..]);
    }
}

public static class RpcCatalog
{
    public static IReadOnlyList<RpcInfo> All { get; } = Discover();

    private static List<RpcInfo> Discover() =>
        typeof(Platform.Client.PlatformClient).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(ServiceDescriptor))
            .Select(p => (ServiceDescriptor)p!.GetValue(null)!)
            .SelectMany(s => s.Methods)
            .Select(m =>
            {
                var http = m.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
                var (verb, path) = http?.PatternCase switch
                {
                    HttpRule.PatternOneofCase.Get => ("GET", http.Get),
                    HttpRule.PatternOneofCase.Post => ("POST", http.Post),
                    HttpRule.PatternOneofCase.Patch => ("PATCH", http.Patch),
                    HttpRule.PatternOneofCase.Put => ("PUT", http.Put),
                    HttpRule.PatternOneofCase.Delete => ("DELETE", http.Delete),
                    _ => ("", ""),
                };
                return new RpcInfo(m, verb, path);
            })
            .ToList();
}
