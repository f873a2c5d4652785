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

// Reads and drops what the client sent (a stream is one-way), without waiting; false once it
// has closed its side or the connection failed (then `*error` is the errno, 0 for a clean
// close). A socket closed over unread input sends a reset instead of a FIN.
bool drain(int fd, int *error = nullptr);

// The socket's pending error (SO_ERROR), 0 when none or when it cannot say.
int pendingSocketError(int fd);

} // namespace quotecast
