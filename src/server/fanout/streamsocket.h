#pragma once

#include <QtGlobal>

namespace quotecast {

// How a stream's socket behaves once the fan-out has taken it over: non-blocking; the kernel drops
// a client whose connection makes no progress for `timeoutMs` (1000 to 3,600,000 ms; nothing
// acknowledged, or its receive window shut), and a later send() or epoll reports ETIMEDOUT.
// Its send buffer is `sendBufferBytes` (SO_SNDBUF, as StreamSet::kernelSendBufferBytes
// gives: Linux doubles it), no longer autotuned. Errors of setsockopt() are ignored: the
// stream then works, only without the timeout or the bound.
void tuneStreamSocket(int fd, int timeoutMs, int sendBufferBytes);

// The bytes the kernel still holds for the peer: sent and not acknowledged, or not sent yet
// (SIOCOUTQ); 0 when it cannot say.
qint64 unacknowledgedBytes(int fd);

// Makes the next close() reset the connection (SO_LINGER with no time) instead of leaving the
// kernel to deliver what it holds: for a client cut because it does not read, which would
// otherwise keep those bytes in kernel memory until the client timeout.
void resetOnClose(int fd);

} // namespace quotecast
