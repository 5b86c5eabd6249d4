using Google.Rpc;
using Grpc.Core;

namespace Platform.Integration.Tests.Infrastructure;

/// <summary>Asserts on the google.rpc.Status an RPC failed with.</summary>
public static class Errors
{
    public static async Task<(Google.Rpc.Status Status, ErrorInfo Info, BadRequest? BadRequest)> AssertFailsAsync(
        Func<Task> call, StatusCode code, string reason)
    {
        var e = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, e.StatusCode);
        var status = e.GetRpcStatus() ?? throw new Xunit.Sdk.XunitException("The error carries no google.rpc.Status details.");
        var info = status.GetDetail<ErrorInfo>() ?? throw new Xunit.Sdk.XunitException("The error carries no ErrorInfo.");
        Assert.Equal(reason, info.Reason);
        Assert.Equal("platform.api", info.Domain);
        return (status, info, status.GetDetail<BadRequest>());
    }

    public static IReadOnlyList<string> Fields(this BadRequest? badRequest) =>
        badRequest?.FieldViolations.Select(v => v.Field).ToList() ?? [];
}
