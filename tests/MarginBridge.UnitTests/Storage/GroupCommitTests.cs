using MarginBridge.Grains.Storage;

namespace MarginBridge.UnitTests.Storage;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task CallersArrivingWhileARunIsUnderWay_ShareTheNextRun_AndRunsNeverOverlap()
    {
        var firstRunHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (runs, running, mostAtOnce) = (0, 0, 0);
        var commit = new GroupCommit(async () =>
        {
            runs++;
            mostAtOnce = Math.Max(mostAtOnce, ++running);
            if (runs == 1)
            {
                await firstRunHeld.Task;
            }

            running--;
        });

        var first = commit.RunAsync();
        var later = Enumerable.Range(0, 4).Select(_ => commit.RunAsync()).ToList();
        Assert.Equal(1, runs);
        Assert.All(later, t => Assert.Same(later[0], t));

        firstRunHeld.SetResult();
        await Task.WhenAll(later.Append(first));
        Assert.Equal((2, 1), (runs, mostAtOnce));
    }

    [Fact]
    public async Task ACallerAfterEveryRunEnded_StartsARunOfItsOwn()
    {
        var runs = 0;
        var commit = new GroupCommit(() =>
        {
            runs++;
            return Task.CompletedTask;
        });

        await commit.RunAsync();
        await commit.RunAsync();
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task AFailedRun_FailsItsCallers_AndTheNextCallRunsAgain()
    {
        var runs = 0;
        var commit = new GroupCommit(() => ++runs == 1 ? Task.FromException(new InvalidOperationException("storage refused")) : Task.CompletedTask);

        await Assert.ThrowsAsync<InvalidOperationException>(commit.RunAsync);
        await commit.RunAsync();
        Assert.Equal(2, runs);
    }
}
