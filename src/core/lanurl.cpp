#include "lanurl.h"

#include <QNetworkInterface>

#include <algorithm>

namespace quotecast {

QList<QHostAddress> lanAddresses()
{
    QList<QHostAddress> addresses;
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &interface : interfaces) {
        const auto flags = interface.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp)
            || !flags.testFlag(QNetworkInterface::IsRunning)
            || flags.testFlag(QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &entry : interface.addressEntries()) {
            const QHostAddress ip = entry.ip();
            if (!ip.isLoopback() && !ip.isLinkLocal())
                addresses.append(ip);
        }
    }
    std::stable_partition(addresses.begin(), addresses.end(), [](const QHostAddress &a) {
        return a.protocol() == QAbstractSocket::IPv4Protocol;
    });
    return addresses;
}

QUrl lanUrl(const QHostAddress &bindAddress, quint16 port)
{
    QHostAddress host = bindAddress;
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4
        || host == QHostAddress::AnyIPv6) {
        const QList<QHostAddress> lan = lanAddresses();
        host = lan.isEmpty() ? QHostAddress(QHostAddress::LocalHost) : lan.first();
    }
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(host.toString());
    url.setPort(port);
    url.setPath(QStringLiteral("/"));
    return url;
}

} // namespace quotecast
