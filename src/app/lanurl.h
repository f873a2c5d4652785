#pragma once

#include <QHostAddress>
#include <QList>
#include <QUrl>

namespace quotecast {

// The addresses other devices on the network can reach this machine at: up,
// running, non-loopback interfaces, IPv4 first (what people type on a phone).
QList<QHostAddress> lanAddresses();

// The URLs at which a server bound to `bindAddress` can be reached: one per LAN address
// for a wildcard bind (localhost when the machine has none), else the bound address.
QList<QUrl> lanUrls(const QHostAddress &bindAddress, quint16 port);

} // namespace quotecast
