#pragma once

namespace gatehouse {

// SIGINT and SIGTERM end the event loop (so state is saved and the gateway stops cleanly)
// instead of killing the process; SIGPIPE is ignored. Call once, after the application
// object exists.
void quitOnTerminationSignals();

} // namespace gatehouse
