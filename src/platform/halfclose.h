#pragma once

#include <QtGlobal>

namespace quotecast {

// Ends the sending half of a connected socket (POSIX shutdown(SHUT_WR)): the peer reads all
// that was sent, then end of file, while this side can still read. Closing a socket whose peer
// has sent bytes not yet read makes the kernel send a reset instead, which can destroy answers
// the peer has not read yet (RFC 9112 §9.6: close in stages). Returns false where the build
// has no half-close (the portable build) or the call fails: then close the socket as usual.
bool shutdownSending(qintptr socketDescriptor);

} // namespace quotecast
