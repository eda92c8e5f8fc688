// Preloaded into a tool run (NODE_OPTIONS=--import=…) whose own requests to the internet
// cannot be turned off in its settings: fetch() to anything but this machine fails at once,
// as it would offline, so that the tests reach nothing beyond 127.0.0.1.
const localFetch = globalThis.fetch;
const local = new Set(['127.0.0.1', 'localhost', '[::1]']);
globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!local.has(url.hostname))
        return Promise.reject(new TypeError(`fetch failed: ${url.host} is not on this machine`));
    return localFetch(input, init);
};
