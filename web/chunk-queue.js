// Chunk fetches go out a few per task. Each fetch() holds the main thread for up to a
// millisecond on a slow device, and one view can need twenty chunks (all of them, ninety):
// issued at once they made one long task right after the first screen.
const __avFetchesPerTask = 4;
const __avPending = [];
const __avTick = new MessageChannel();
__avTick.port1.onmessage = () => {
  for (const start of __avPending.splice(0, __avFetchesPerTask)) start();
  if (__avPending.length > 0) __avTick.port2.postMessage(0);
};
// Calls `start` (which begins a fetch) in a later task; the promise settles as the fetch does.
const __avQueued = (start) =>
  new Promise((resolve) => {
    if (__avPending.push(() => resolve(start())) === 1) __avTick.port2.postMessage(0);
  });
