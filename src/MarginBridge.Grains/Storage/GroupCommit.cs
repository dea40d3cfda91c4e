namespace MarginBridge.Grains.Storage;

/// <summary>
/// Runs an operation on a grain's state (a write, a publish) one run at a time, for a grain whose
/// calls interleave. Every caller that arrives while a run is under way shares the next one (a group
/// commit): it starts after the running one and sees everything changed meanwhile. A burst of N
/// changes costs two runs, not N; no two writes of the same state race on its ETag; and no run works
/// from an older state than the run before it.
/// </summary>
internal sealed class GroupCommit(Func<Task> run)
{
    private Task _lastRun = Task.CompletedTask;
    private Task? _queuedRun;

    public Task RunAsync()
    {
        if (_queuedRun is { } shared)
        {
            return shared;
        }

        if (_lastRun.IsCompleted)
        {
            return _lastRun = run();
        }

        var running = _lastRun;
        var queued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queuedRun = _lastRun = queued.Task;
        _ = RunAfterAsync(running, queued);
        return queued.Task;
    }

    private async Task RunAfterAsync(Task running, TaskCompletionSource queued)
    {
        // The running run's callers see its outcome; this one only waits for it to end.
        await Task.WhenAny(running);
        _queuedRun = null;
        try
        {
            await run();
            queued.SetResult();
        }
        catch (Exception e)
        {
            queued.SetException(e);
        }
    }
}
