#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

class QHttpServerRequest;

namespace quotecast {

// What a `GET /stream` request asks for, besides the stream itself (docs/protocol.md).
namespace StreamRequest {

// The id to resume after: the `Last-Event-ID` header (WHATWG HTML §9.2.4), else the
// `lastEventId` query parameter; empty when neither is given. Any bytes: an id that is not
// this server's gets the snapshot, never an error.
QByteArray lastEventId(const QHttpServerRequest &request);

// `?symbols=AAPL,msft`: the symbols asked for, upper-cased; empty for all (no parameter).
// An empty or unknown symbol sets `*error` to a message for a 400 naming the known ones.
QSet<QString> symbolFilter(const QUrlQuery &query, const QStringList &known, QString *error);

} // namespace StreamRequest
} // namespace quotecast
