#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace quotecast {

// What Qt does not offer for a socket descriptor.

// Asks the kernel to hand a connection to accept() only once its first bytes have arrived, or
// after about `seconds` without any (Linux's TCP_DEFER_ACCEPT), so that the first request can
// be read as the connection is accepted. False where the platform has no such option.
bool deferAcceptUntilData(qintptr listeningDescriptor, int seconds);

// What a connected socket has received that nobody has read yet, left in place for the next
// reader (POSIX recv with MSG_PEEK): at most `maxBytes` (at least 1), without waiting. Empty
// when nothing has arrived yet, on an error, or where the build cannot peek (Windows): the
// caller then reads the connection as usual.
QByteArray peekReceived(qintptr socketDescriptor, qint64 maxBytes);

// Closes a socket descriptor that no object owns (one that could not be taken over).
void closeDescriptor(qintptr socketDescriptor);

} // namespace quotecast
