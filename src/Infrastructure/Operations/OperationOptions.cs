namespace Platform.Infrastructure.Operations;

/// <summary><c>Platform:Operations</c>: how the background worker runs long-running operations.</summary>
public sealed class OperationOptions
{
    public const string Section = "Platform:Operations";

    /// <summary>False: this host serves the API but runs no operations (another host does).</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>How often the worker looks for work when nobody woke it (a new operation wakes it at once on this host).</summary>
    public int PollMilliseconds { get; set; } = 2000;

    /// <summary>Items per chunk; progress is saved and cancellation checked after each.</summary>
    public int ChunkSize { get; set; } = 500;

    /// <summary>A pause after each chunk, to leave the database to live traffic during a big rebuild; 0 runs flat out.</summary>
    public int PauseMilliseconds { get; set; }

    /// <summary>
    /// How long a claim lasts; every chunk renews it. A host that dies leaves a claim that expires
    /// after this, and another host resumes from the saved cursor.
    /// </summary>
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>Finished operations are deleted this long after they end.</summary>
    public int RetentionDays { get; set; } = 30;
}
