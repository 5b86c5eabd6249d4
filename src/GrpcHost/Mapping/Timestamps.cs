using Google.Protobuf.WellKnownTypes;

namespace Platform.GrpcHost.Mapping;

internal static class Timestamps
{
    public static Timestamp? ToProto(DateTime? value) =>
        value is { } v ? Timestamp.FromDateTime(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
