namespace MarginBridge.Devnet.Processes;

public static class HttpReadiness
{
    /// <summary>Waits until <paramref name="url"/> answers 2xx, failing early with the process's log if it exits.</summary>
    public static async Task WaitAsync(ChildProcess process, string url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.Name} exited with code {process.ExitCode}:{Environment.NewLine}{process.ReadLog()}");
            }

            try
            {
                using var response = await http.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"{url} did not answer within {timeout.TotalSeconds:0} s; log: {process.LogPath}");
    }
}
