namespace Reporting.TestSupport;

/// <summary>Runs actions truly at once: each starts on the thread pool and waits at one gate, which opens when all have arrived.</summary>
public static class Together
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    public static async Task<T[]> RunAsync<T>(IReadOnlyList<Func<Task<T>>> actions, TimeSpan? timeout = null)
    {
        var bound = timeout ?? DefaultTimeout;
        using var arrived = new CountdownEvent(actions.Count);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = actions.Select(action => Task.Run(async () =>
        {
            arrived.Signal();
            await gate.Task;
            return await action();
        })).ToList();
        if (!await Task.Run(() => arrived.Wait(bound))) throw new TimeoutException("Not every action reached the starting gate.");
        gate.SetResult();
        return await Task.WhenAll(tasks).WaitAsync(bound);
    }

    /// <summary>Runs <paramref name="action"/> for 1…<paramref name="count"/> at once.</summary>
    public static Task<T[]> RunAsync<T>(int count, Func<int, Task<T>> action, TimeSpan? timeout = null) =>
        RunAsync(Enumerable.Range(1, count).Select(i => (Func<Task<T>>)(() => action(i))).ToList(), timeout);
}
