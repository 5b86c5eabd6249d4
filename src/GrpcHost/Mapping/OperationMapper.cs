using Google.LongRunning;
using Google.Protobuf.WellKnownTypes;
using Platform.Application.Abstractions.Operations;
using Platform.Application.Search;
using Platform.Search.V1;

namespace Platform.GrpcHost.Mapping;

/// <summary>Stored operations as google.longrunning.Operation, with each kind's metadata and response packed in Any.</summary>
internal static class OperationMapper
{
    /// <summary>The metadata and response types operations may carry, for JSON (REST) rendering of their Any fields.</summary>
    public static readonly IReadOnlyList<Google.Protobuf.Reflection.MessageDescriptor> PayloadTypes =
        [ReindexEntityTypeMetadata.Descriptor, ReindexEntityTypeResponse.Descriptor];

    public static Operation ToProto(OperationRecord r)
    {
        var operation = new Operation { Name = r.ResourceName, Done = r.IsDone };
        if (r.Kind == SearchReindexer.OperationKind)
        {
            operation.Metadata = Any.Pack(ReindexMetadata(r));
            if (r.State == OperationState.Succeeded)
            {
                operation.Response = Any.Pack(new ReindexEntityTypeResponse
                {
                    EntityType = r.Target,
                    ProcessedCount = r.Processed,
                    DocumentsIndexed = r.Documents,
                    Duration = Duration.FromTimeSpan((r.EndTime ?? r.UpdateTime) - (r.StartTime ?? r.CreateTime)),
                });
            }
        }

        if (r.State is OperationState.Failed or OperationState.Cancelled)
        {
            operation.Error = new Google.Rpc.Status { Code = r.ErrorCode ?? 2, Message = r.ErrorMessage ?? "" };
        }

        return operation;
    }

    private static ReindexEntityTypeMetadata ReindexMetadata(OperationRecord r) => new()
    {
        EntityType = r.Target,
        State = r.State switch
        {
            OperationState.Pending => ReindexEntityTypeMetadata.Types.State.Pending,
            OperationState.Running when r.CancelRequested => ReindexEntityTypeMetadata.Types.State.Cancelling,
            OperationState.Running => ReindexEntityTypeMetadata.Types.State.Running,
            OperationState.Succeeded => ReindexEntityTypeMetadata.Types.State.Succeeded,
            OperationState.Failed => ReindexEntityTypeMetadata.Types.State.Failed,
            OperationState.Cancelled => ReindexEntityTypeMetadata.Types.State.Cancelled,
            _ => ReindexEntityTypeMetadata.Types.State.Unspecified,
        },
        ProcessedCount = r.Processed,
        TotalCount = r.Total,
        DocumentsIndexed = r.Documents,
        ProgressPercent = Percent(r),
        CreateTime = Timestamps.ToProto(r.CreateTime),
        StartTime = Timestamps.ToProto(r.StartTime),
        UpdateTime = Timestamps.ToProto(r.UpdateTime),
        EndTime = Timestamps.ToProto(r.EndTime),
    };

    /// <summary>100 only once succeeded: the total is an estimate, so a running count may pass it; it stays at 99 until the end.</summary>
    private static int Percent(OperationRecord r) => r.State == OperationState.Succeeded ? 100
        : r.Total <= 0 ? 0
        : (int)Math.Min(99, r.Processed * 100 / r.Total);
}
