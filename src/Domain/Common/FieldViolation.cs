namespace Platform.Domain.Common;

/// <summary>One bad field, named by its API path (e.g. <c>tenant.time_zone</c>).</summary>
public sealed record FieldViolation(string Field, string Description);
