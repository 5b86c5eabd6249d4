using Platform.Domain.Common;

namespace Platform.GrpcHost.Errors;

public static class ResultExtensions
{
    /// <summary>Returns the mapped value, or throws the error as the RpcException gRPC expects.</summary>
    public static TReply ToReply<T, TReply>(this Result<T> result, Func<T, TReply> map) =>
        result.TryGetValue(out var value, out var error) ? map(value) : throw ErrorMapper.ToRpcException(error);
}
