namespace Platform.Infrastructure.Eav.Indexing;

/// <summary>
/// The <c>eav_indexes.state</c> column. The first three equal
/// <see cref="Application.Abstractions.Eav.IndexBuildState"/>; <see cref="Dropping"/> is internal:
/// an index no longer planned, which the builder drops and then forgets.
/// </summary>
internal enum EavIndexRowState
{
    Building = 1,
    Ready = 2,
    Failed = 3,
    Dropping = 4,
}
