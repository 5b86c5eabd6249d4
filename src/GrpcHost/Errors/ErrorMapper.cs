using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Platform.Domain.Common;
using Status = Google.Rpc.Status;

namespace Platform.GrpcHost.Errors;

/// <summary>
/// The one table from domain errors to gRPC. Every error carries exactly one ErrorInfo
/// (domain <see cref="Domain"/>, reason from platform.api.v1.ErrorReason); validation errors add a
/// BadRequest with one FieldViolation per field. JSON transcoding derives the HTTP status from the code.
/// </summary>
public static class ErrorMapper
{
    public const string Domain = "platform.api";

    /// <summary>Every detail type an error may carry, for JSON (REST) rendering of statuses.</summary>
    public static readonly Google.Protobuf.Reflection.MessageDescriptor[] DetailDescriptors =
        [ErrorInfo.Descriptor, BadRequest.Descriptor, QuotaFailure.Descriptor, RetryInfo.Descriptor, PreconditionFailure.Descriptor];

    public static readonly Google.Protobuf.Reflection.TypeRegistry DetailTypes = Google.Protobuf.Reflection.TypeRegistry.FromMessages(DetailDescriptors);

    public static Code ToCode(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => Code.InvalidArgument,
        ErrorKind.NotFound => Code.NotFound,
        ErrorKind.AlreadyExists => Code.AlreadyExists,
        ErrorKind.PreconditionFailed => Code.FailedPrecondition,
        ErrorKind.Aborted => Code.Aborted,
        ErrorKind.Unauthenticated => Code.Unauthenticated,
        ErrorKind.Forbidden => Code.PermissionDenied,
        ErrorKind.ResourceExhausted => Code.ResourceExhausted,
        ErrorKind.Unavailable => Code.Unavailable,
        _ => Code.Internal,
    };

    public static Status ToStatus(Error error)
    {
        var info = new ErrorInfo { Reason = error.Reason, Domain = Domain };
        foreach (var (key, value) in error.Metadata)
        {
            info.Metadata[key] = value;
        }

        var status = new Status
        {
            Code = (int)ToCode(error.Kind),
            Message = error.Message,
            Details = { Any.Pack(info) },
        };
        if (error.Violations.Count > 0)
        {
            var badRequest = new BadRequest();
            badRequest.FieldViolations.AddRange(error.Violations.Select(v => new BadRequest.Types.FieldViolation
            {
                Field = v.Field,
                Description = v.Description,
            }));
            status.Details.Add(Any.Pack(badRequest));
        }

        if (error.Quota is { } quota)
        {
            status.Details.Add(Any.Pack(new QuotaFailure
            {
                Violations =
                {
                    new QuotaFailure.Types.Violation
                    {
                        Subject = quota.Subject,
                        Description = quota.Description,
                        QuotaMetric = quota.Metric,
                        QuotaId = quota.LimitId,
                        QuotaValue = quota.LimitValue,
                    },
                },
            }));
        }

        if (error.RetryAfter is { } retry)
        {
            status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retry) }));
        }

        return status;
    }

    public static RpcException ToRpcException(Error error) => ToStatus(error).ToRpcException();
}
