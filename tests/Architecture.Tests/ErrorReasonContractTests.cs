using System.Reflection;
using Platform.Api.V1;
using Platform.Domain.Common;

namespace Platform.Architecture.Tests;

/// <summary>Every reason the code can send is documented in platform.api.v1.ErrorReason, and vice versa.</summary>
public sealed class ErrorReasonContractTests
{
    private static readonly HashSet<string> CodeReasons = typeof(ErrorReasons)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet();

    private static readonly HashSet<string> ProtoReasons = ErrorReasonReflection.Descriptor.EnumTypes
        .Single(e => e.Name == nameof(ErrorReason)).Values
        .Where(v => v.Number != 0)
        .Select(v => v.Name["ERROR_REASON_".Length..])
        .ToHashSet();

    [Fact]
    public void Every_reason_in_code_is_in_the_proto() => Assert.Subset(ProtoReasons, CodeReasons);

    [Fact]
    public void Every_reason_in_the_proto_is_used_by_code() => Assert.Subset(CodeReasons, ProtoReasons);
}
