using System.Reflection;
using NetArchTest.Rules;
using TestResult = NetArchTest.Rules.TestResult;

namespace Platform.Architecture.Tests;

/// <summary>
/// The dependency rule: Domain depends on nothing; Application on Domain and Mediator only;
/// Infrastructure never on the host. Each rule is also run against an assembly that breaks it,
/// so a rule that can never fail would be caught.
/// </summary>
public sealed class DependencyRuleTests
{
    private static readonly Assembly Domain = typeof(Platform.Domain.Tenancy.Tenant).Assembly;
    private static readonly Assembly Application = typeof(Platform.Application.AssemblyMarker).Assembly;
    private static readonly Assembly Infrastructure = typeof(Platform.Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly Host = typeof(Program).Assembly;

    private static readonly string[] OuterLayers = ["Platform.Application", "Platform.Infrastructure", "Platform.GrpcHost"];

    private static readonly string[] ApplicationForbidden =
    [
        "Platform.Infrastructure", "Platform.GrpcHost", "Grpc", "Google.Protobuf", "Microsoft.EntityFrameworkCore",
        "Microsoft.AspNetCore", "Npgsql", "StackExchange.Redis",
    ];

    [Fact]
    public void Domain_depends_on_nothing_but_the_bcl()
    {
        var result = Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny([.. OuterLayers, "Mediator", "Microsoft", "Grpc", "Google"]).GetResult();
        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Domain_assembly_references_only_the_runtime()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard");
        Assert.Empty(references);
    }

    [Fact]
    public void Application_does_not_depend_on_infrastructure_host_or_transport()
    {
        var result = ApplicationRule(Application);
        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Infrastructure_does_not_depend_on_the_host()
    {
        var result = Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("Platform.GrpcHost").GetResult();
        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void The_application_rule_fails_on_a_wrong_reference()
    {
        // The host references Infrastructure and Grpc: the same rule must flag it.
        var result = ApplicationRule(Host);
        Assert.False(result.IsSuccessful);
        Assert.NotEmpty(result.FailingTypeNames);
    }

    [Fact]
    public void Handlers_are_not_public()
    {
        var result = Types.InAssembly(Application).That().HaveNameEndingWith("Handler").ShouldNot().BePublic().GetResult();
        Assert.True(result.IsSuccessful, Describe(result));
    }

    private static TestResult ApplicationRule(Assembly assembly) =>
        Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(ApplicationForbidden).GetResult();

    private static string Describe(TestResult result) =>
        "Violations: " + string.Join(", ", result.FailingTypeNames ?? []);
}
