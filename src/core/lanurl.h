#pragma once

#include <QHostAddress>
#include <QList>
#include <QUrl>

namespace quotecast {

// The addresses other devices on the network can reach this machine at: up,
// running, non-loopback interfaces, IPv4 first (what people type on a phone).
QList<QHostAddress> lanAddresses();

// The URL to show for a server bound to `bindAddress`: a wildcard bind is shown
// with the first LAN address (localhost when the machine has none).
QUrl lanUrl(const QHostAddress &bindAddress, quint16 port);

} // namespace quotecast
