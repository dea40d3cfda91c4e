namespace MarginBridge.Grains.Storage;

/// <summary>
/// Persists a grain's state one write at a time, for a grain whose calls interleave. Every caller that
/// arrives while a write runs shares the next one (a group commit): it starts after the running one
/// and saves everything changed meanwhile. A burst of N changes costs two writes, not N, and no two
/// writes of the same state ever race on its ETag.
/// </summary>
internal sealed class GroupCommit(Func<Task> write)
{
    private Task _lastWrite = Task.CompletedTask;
    private Task? _queuedWrite;

    public Task WriteAsync()
    {
        if (_queuedWrite is { } shared)
        {
            return shared;
        }

        if (_lastWrite.IsCompleted)
        {
            return _lastWrite = write();
        }

        var running = _lastWrite;
        var queued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queuedWrite = _lastWrite = queued.Task;
        _ = WriteAfterAsync(running, queued);
        return queued.Task;
    }

    private async Task WriteAfterAsync(Task running, TaskCompletionSource queued)
    {
        // The running write's callers see its outcome; this one only waits for it to end.
        await Task.WhenAny(running);
        _queuedWrite = null;
        try
        {
            await write();
            queued.SetResult();
        }
        catch (Exception e)
        {
            queued.SetException(e);
        }
    }
}
