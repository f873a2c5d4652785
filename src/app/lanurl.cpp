#include <app/lanurl.h>

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

QList<QUrl> lanUrls(const QHostAddress &bindAddress, quint16 port)
{
    QList<QHostAddress> hosts { bindAddress };
    // NOLINTNEXTLINE(misc-redundant-expression): three addresses, which clang-tidy 14 takes for one
    if (bindAddress == QHostAddress::Any || bindAddress == QHostAddress::AnyIPv4
        || bindAddress == QHostAddress::AnyIPv6) {
        hosts = lanAddresses();
        if (bindAddress == QHostAddress::AnyIPv4) {
            hosts.removeIf([](const QHostAddress &a) {
                return a.protocol() != QAbstractSocket::IPv4Protocol;
            });
        }
        if (hosts.isEmpty())
            hosts.append(QHostAddress(QHostAddress::LocalHost));
    }
    QList<QUrl> urls;
    for (const QHostAddress &host : std::as_const(hosts)) {
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(host.toString());
        url.setPort(port);
        url.setPath(QStringLiteral("/"));
        urls.append(url);
    }
    return urls;
}

} // namespace quotecast
