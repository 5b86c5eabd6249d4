using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Platform.Api.V1;

namespace Platform.Client;

/// <summary>A field the server rejected (google.rpc.BadRequest.FieldViolation).</summary>
/// <param name="Field">Path of the field, e.g. <c>tenant.display_name</c>.</param>
/// <param name="Description">Why the value was rejected.</param>
public sealed record FieldViolation(string Field, string Description);

/// <summary>A quota that was exceeded (google.rpc.QuotaFailure.Violation).</summary>
/// <param name="Subject">What the quota applies to, e.g. a tenant or API key.</param>
/// <param name="Description">Which limit was hit.</param>
/// <param name="Metric">The metric limited, e.g. <c>api_calls</c> or <c>providers</c>.</param>
/// <param name="LimitId">The limit's id, e.g. <c>api_calls_per_hour</c>.</param>
/// <param name="LimitValue">The limit's value.</param>
public sealed record QuotaViolation(string Subject, string Description, string Metric = "", string LimitId = "", long LimitValue = 0);

/// <summary>
/// The structured form of a failed call: status code plus the google.rpc error details Platform
/// attaches. Switch on <see cref="Reason"/> (or <see cref="KnownReason"/>), never on <see cref="Message"/>.
/// </summary>
public sealed record PlatformError
{
    /// <summary>The ErrorInfo domain of errors raised by Platform itself.</summary>
    public const string PlatformDomain = "platform.api";

    private static readonly EnumDescriptor ReasonDescriptor =
        ErrorReasonReflection.Descriptor.EnumTypes.Single(e => e.Name == nameof(ErrorReason));

    /// <summary>The gRPC status code.</summary>
    public required StatusCode StatusCode { get; init; }

    /// <summary>Human-readable text for logs; not stable, not for branching.</summary>
    public required string Message { get; init; }

    /// <summary>ErrorInfo.reason, e.g. <c>RESOURCE_NOT_FOUND</c>; null when the error carried no ErrorInfo.</summary>
    public string? Reason { get; init; }

    /// <summary>ErrorInfo.domain; <see cref="PlatformDomain"/> for Platform's own errors.</summary>
    public string? Domain { get; init; }

    /// <summary>ErrorInfo.metadata, e.g. <c>resource</c> or <c>field</c> depending on the reason.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Every BadRequest field violation, for showing errors next to form fields.</summary>
    public IReadOnlyList<FieldViolation> FieldViolations { get; init; } = [];

    /// <summary>Every QuotaFailure violation.</summary>
    public IReadOnlyList<QuotaViolation> QuotaViolations { get; init; } = [];

    /// <summary>How long the server asks the client to wait before retrying (RetryInfo), if it said.</summary>
    public TimeSpan? RetryDelay { get; init; }

    /// <summary>
    /// <see cref="Reason"/> as the typed enum when it is one of Platform's documented reasons;
    /// <see cref="ErrorReason.Unspecified"/> for other domains or reasons newer than this SDK.
    /// </summary>
    public ErrorReason KnownReason =>
        Domain == PlatformDomain && Reason is { Length: > 0 } reason
            && ReasonDescriptor.FindValueByName("ERROR_REASON_" + reason) is { } value
            ? (ErrorReason)value.Number
            : ErrorReason.Unspecified;

    /// <summary>A one-line summary for logs; the generated record form would print collection type names.</summary>
    public override string ToString()
    {
        var text = $"{StatusCode} {Reason ?? "(no reason)"}: {Message}";
        if (FieldViolations.Count > 0)
        {
            text += " [" + string.Join("; ", FieldViolations.Select(v => $"{v.Field}: {v.Description}")) + "]";
        }

        return RetryDelay is { } delay ? $"{text} (retry after {delay})" : text;
    }

    /// <summary>
    /// Reads the google.rpc.Status from the exception's <c>grpc-status-details-bin</c> trailer; an
    /// error without one (e.g. from a proxy or a deadline) still yields its code and message.
    /// </summary>
    public static PlatformError FromRpcException(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = exception.GetRpcStatus();
        if (status is null)
        {
            return new PlatformError { StatusCode = exception.StatusCode, Message = exception.Status.Detail };
        }

        ErrorInfo? info = null;
        RetryInfo? retry = null;
        var fields = new List<FieldViolation>();
        var quotas = new List<QuotaViolation>();
        // Unpacking every detail (rather than GetDetail<T>, which returns only the first of a type)
        // keeps violations spread over several BadRequest/QuotaFailure details.
        foreach (var detail in status.UnpackDetailMessages())
        {
            switch (detail)
            {
                case ErrorInfo e:
                    info ??= e;
                    break;
                case RetryInfo r:
                    retry ??= r;
                    break;
                case BadRequest b:
                    fields.AddRange(b.FieldViolations.Select(v => new FieldViolation(v.Field, v.Description)));
                    break;
                case QuotaFailure q:
                    quotas.AddRange(q.Violations.Select(v => new QuotaViolation(v.Subject, v.Description, v.QuotaMetric, v.QuotaId, v.QuotaValue)));
                    break;
            }
        }

        return new PlatformError
        {
            // The trailer is authoritative; fall back to the transport's view if it is malformed.
            StatusCode = Enum.IsDefined((StatusCode)status.Code) ? (StatusCode)status.Code : exception.StatusCode,
            Message = status.Message,
            Reason = info?.Reason,
            Domain = info?.Domain,
            Metadata = info is null ? new Dictionary<string, string>() : new Dictionary<string, string>(info.Metadata),
            FieldViolations = fields,
            QuotaViolations = quotas,
            RetryDelay = retry?.RetryDelay?.ToTimeSpan(),
        };
    }
}
