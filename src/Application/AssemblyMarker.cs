namespace Platform.Application;

/// <summary>Anchors assembly scanning (Mediator, architecture tests).</summary>
public sealed class AssemblyMarker;
