#pragma once

namespace quotecast {

// How a stream's socket behaves once the fan-out has taken it over: the kernel drops a
// client whose connection makes no progress for `timeoutMs` (1000 to 3,600,000 ms; nothing
// acknowledged, or its receive window shut), and a later send() or epoll reports ETIMEDOUT.
// Errors of setsockopt() are ignored: the stream then works, only without the timeout.
void tuneStreamSocket(int fd, int timeoutMs);

} // namespace quotecast
