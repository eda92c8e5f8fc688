#pragma once

namespace gatehouse {

// Raises this process's limit on open descriptors to the most the system allows it. Each
// client connection takes two descriptors (see HttpConnection) and each upstream call one,
// and the usual soft limit of 1024 is below what the connection cap allows. Returns the
// limit now in force, or -1 where it cannot be read.
long raiseOpenFileLimit();

} // namespace gatehouse
