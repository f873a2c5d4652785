#include <platform/rawsocket.h>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace quotecast {

bool deferAcceptUntilData(qintptr listeningDescriptor, int seconds)
{
#ifdef TCP_DEFER_ACCEPT
    return ::setsockopt(int(listeningDescriptor), IPPROTO_TCP, TCP_DEFER_ACCEPT, &seconds,
                        sizeof seconds)
        == 0;
#else
    Q_UNUSED(listeningDescriptor);
    Q_UNUSED(seconds);
    return false;
#endif
}

QByteArray peekReceived(qintptr socketDescriptor, qint64 maxBytes)
{
    QByteArray received(qMax<qint64>(1, maxBytes), Qt::Uninitialized);
    const ssize_t n = ::recv(int(socketDescriptor), received.data(), size_t(received.size()),
                             MSG_PEEK | MSG_DONTWAIT);
    received.resize(qMax<ssize_t>(n, 0));
    return received;
}

void closeDescriptor(qintptr socketDescriptor)
{
    ::close(int(socketDescriptor));
}

} // namespace quotecast
