using Microsoft.Playwright;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// One Debian Chromium (and one Playwright driver) for every browser test of a fixture, launched at the first lease. Each
/// test used to start a driver and a browser of its own and close them again: seconds per test, on the shared host's
/// collection, whose tests run one after another and make up the end-to-end lane's longest path. A test still gets fresh
/// browser contexts (no cookies, its own settings); its lease closes them when it ends, so no test sees another's pages.
/// </summary>
public sealed class SharedChromium : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The browser for one test; disposing the lease closes the contexts the test opened in it.</summary>
    public async Task<Lease> LeaseAsync()
    {
        await _gate.WaitAsync();
        try
        {
            // A browser that went away (it crashed, or a test closed it) is replaced rather than failing every later test.
            if (_browser is not { IsConnected: true })
            {
                if (_browser is not null) await _browser.DisposeAsync();
                _playwright ??= await Playwright.CreateAsync();
                _browser = await DebianChromium.LaunchAsync(_playwright);
            }
            return new Lease(_browser, [.. _browser.Contexts]);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        _gate.Dispose();
    }

    /// <summary>The shared browser for the length of one test.</summary>
    public sealed class Lease(IBrowser browser, IReadOnlyList<IBrowserContext> before) : IAsyncDisposable
    {
        public IBrowser Browser => browser;

        public async ValueTask DisposeAsync()
        {
            foreach (var context in browser.Contexts.Except(before).ToList())
                await context.CloseAsync();
        }
    }
}
