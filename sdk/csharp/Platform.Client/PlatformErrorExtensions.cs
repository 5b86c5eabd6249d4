using System.Diagnostics.CodeAnalysis;
using Grpc.Core;

namespace Platform.Client;

/// <summary>Turns gRPC failures into <see cref="PlatformError"/>.</summary>
public static class PlatformErrorExtensions
{
    /// <summary>The structured error carried by <paramref name="exception"/>.</summary>
    public static PlatformError ToPlatformError(this RpcException exception) => PlatformError.FromRpcException(exception);

    /// <summary>
    /// Finds an <see cref="RpcException"/> in <paramref name="exception"/> or its inner exceptions
    /// (callers' retry or HTTP layers often wrap it) and returns its structured error.
    /// </summary>
    public static bool TryGetPlatformError(this Exception? exception, [NotNullWhen(true)] out PlatformError? error)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is RpcException rpc)
            {
                error = rpc.ToPlatformError();
                return true;
            }
        }

        error = null;
        return false;
    }
}
