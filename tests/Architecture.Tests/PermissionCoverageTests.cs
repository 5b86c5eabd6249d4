using System.Text.RegularExpressions;
using Platform.Api.V1;
using Platform.Domain.Access;
using Platform.GrpcHost.Security;

namespace Platform.Architecture.Tests;

/// <summary>
/// Deny by default, checked at the contract: every RPC of every Platform service declares a known
/// permission in its method option, the operator-only flag agrees with the catalog, and its doc
/// comment in the .proto states the permission.
/// </summary>
public sealed partial class PermissionCoverageTests
{
    private static readonly List<Google.Protobuf.Reflection.MethodDescriptor> Methods =
        MethodPolicies.PlatformServices().SelectMany(s => s.Methods).ToList();

    [Fact]
    public void Services_are_discovered() =>
        Assert.Contains(MethodPolicies.PlatformServices(), s => s.FullName == "platform.tenancy.v1.TenantService");

    [Fact]
    public void Every_rpc_declares_a_known_permission()
    {
        var missing = Methods.Where(m => m.GetOptions()?.HasExtension(MethodOptionsExtensions.MethodAuth) != true).Select(m => m.FullName).ToList();
        Assert.True(missing.Count == 0, "RPCs without (platform.api.v1.method_auth): " + string.Join(", ", missing));

        foreach (var m in Methods)
        {
            var auth = m.GetOptions().GetExtension(MethodOptionsExtensions.MethodAuth);
            Assert.True(Permissions.IsKnown(auth.Permission), $"{m.FullName}: unknown permission '{auth.Permission}'");
            Assert.True(auth.OperatorOnly == Permissions.OperatorOnly.Contains(auth.Permission),
                $"{m.FullName}: operator_only disagrees with the catalog for '{auth.Permission}'");
        }
    }

    [Fact]
    public void Every_policy_is_served_by_the_interceptor_table() =>
        Assert.Equal(Methods.Count, new MethodPolicies().All.Count);

    [Fact]
    public void Every_rpc_comment_states_its_permission()
    {
        var root = FindRepoRoot();
        var undocumented = new List<string>();
        var seen = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "protos", "platform"), "*.proto", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (Match rpc in RpcPattern().Matches(text))
            {
                seen++;
                var comment = rpc.Groups["comment"].Value;
                var permission = PermissionPattern().Match(rpc.Groups["body"].Value).Groups[1].Value;
                if (permission.Length == 0 || !comment.Contains($"Permission: {permission}", StringComparison.Ordinal))
                {
                    undocumented.Add(rpc.Groups["name"].Value);
                }
            }
        }

        // Every RPC must have been read, or a broken pattern would make this test pass vacuously.
        Assert.Equal(Methods.Count, seen);
        Assert.True(undocumented.Count == 0, "RPC comments that do not state 'Permission: x': " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Built_in_roles_only_grant_tenant_permissions()
    {
        foreach (var role in BuiltInRoles.All.Values)
        {
            Assert.Subset(new HashSet<string>(Permissions.TenantGrantable), new HashSet<string>(role.Permissions));
        }
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "protos", "buf.yaml")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("protos/buf.yaml not found above the test binaries.");
    }

    [GeneratedRegex(@"(?<comment>(?:[ \t]*//[^\n]*\n)+)[ \t]*rpc (?<name>\w+)\([^)]*\)\s*returns\s*\([^)]*\)\s*\{(?<body>.*?)\n  \}", RegexOptions.Singleline)]
    private static partial Regex RpcPattern();

    [GeneratedRegex("permission: \"([^\"]+)\"")]
    private static partial Regex PermissionPattern();
}
