#pragma once

#include <QByteArray>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace fuzz {

// The query of a request target as QHttpServerRequest::query() reads it in Qt 6.4
// (qhttpserverrequest.cpp: QUrl::fromEncoded of the target, then QUrlQuery of its query).
inline QUrlQuery queryOf(const QByteArray &target)
{
    return QUrlQuery(QUrl::fromEncoded(target).query());
}

// The feed's symbols the server knows: the default ones and one with a dot.
inline QStringList knownSymbols()
{
    return { QStringLiteral("AAPL"), QStringLiteral("GOOG"), QStringLiteral("MSFT"),
             QStringLiteral("AMZN"), QStringLiteral("BRK.B") };
}

} // namespace fuzz
