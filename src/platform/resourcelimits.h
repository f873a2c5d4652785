#pragma once

namespace quotecast {

// Raises this process's soft limit of open files to its hard limit: every stream is
// a socket, and the usual soft limit of 1024 would cap the server at ~1000 browsers.
// Returns the limit now in force.
long raiseFileDescriptorLimit();

// How many streams fit under `fileDescriptorLimit`: one descriptor each, less a reserve
// for the listening socket, connections still being answered, files and the GUI.
int streamCapacity(long fileDescriptorLimit);

} // namespace quotecast
