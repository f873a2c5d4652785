#pragma once

namespace quotecast {

// Raises this process's soft limit of open files to its hard limit (POSIX setrlimit): every
// stream is a socket, and the usual soft limit of 1024 would cap the server at ~1000
// browsers. Returns the limit now in force, or -1 when there is none to know (the portable
// build) or getrlimit fails.
long raiseFileDescriptorLimit();

// How many streams fit under `fileDescriptorLimit`: one descriptor each, less a reserve of
// 256 for the listening socket, connections still being answered, files and the GUI; at
// least 1; INT_MAX when the limit is unknown (-1).
int streamCapacity(long fileDescriptorLimit);

} // namespace quotecast
