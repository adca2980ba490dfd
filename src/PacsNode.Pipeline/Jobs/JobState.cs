namespace PacsNode.Pipeline.Jobs;

/// <summary>
/// Where a job or a forward delivery stands; stored lower-case. pending → running → done; a failed run becomes failed
/// (retried at its next attempt time) or parked (given up, with its reason).
/// </summary>
public enum JobState
{
    Pending,
    Running,
    Done,
    Failed,
    Parked,
}
