#pragma once

#include <server/requestframer.h>

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

class QHttpServerRequest;

namespace quotecast {

// What a `GET /stream` request asks for, besides the stream itself (docs/protocol.md).
namespace StreamRequest {

// The id to resume after: the `Last-Event-ID` header (WHATWG HTML §9.2.4), else the
// `lastEventId` query parameter; empty when neither is given. Any bytes: an id that is not
// this server's gets the snapshot, never an error.
QByteArray lastEventId(const QHttpServerRequest &request);
// The same from the header's value (empty when absent) and the query.
QByteArray lastEventId(const QByteArray &header, const QUrlQuery &query);

// The tick number in `lastEventId` when it is an id of run `runId`, `<runId>-<seq>`
// (docs/protocol.md): the run is all before the last dash, `seq` a decimal number from 0 to
// 2^64 - 1 as QByteArray::toULongLong reads it (a leading `+` and spaces around it pass).
// nullopt for any other id (another run, garbage): that client gets the snapshot.
std::optional<quint64> resumeSeq(const QByteArray &lastEventId, const QByteArray &runId);

// `?symbols=AAPL,msft`: the symbols asked for, upper-cased; empty for all (no parameter).
// Any well-formed name (symbol::normalized) passes, one the feed lacks now included: it is
// quiet until the feed has it. An empty or malformed one sets `*error` to a message for a 400
// naming the `known` ones (the feed's now).
QSet<QString> symbolFilter(const QUrlQuery &query, const QStringList &known, QString *error);

// What opening a stream needs of a `GET /stream` request's head.
struct DirectStream
{
    QUrlQuery query;
    QByteArray lastEventIdField; // the Last-Event-ID field's value; empty when absent
    QByteArray origin; // the Origin field's value; empty when absent
};

// `request`, as the guard framed it, when a stream can be opened for it without Qt's request
// objects (GuardedTcpServer's direct path), because Qt's route would read it no differently:
// a GET of `/stream`, with a query or not, that leaves the connection open, in which
// Last-Event-ID and Origin each appear at most once (Qt joins a repeated field's values).
// nullopt for any other request: Qt's route answers it, or refuses it, as usual.
std::optional<DirectStream> directStream(const RequestFramer::Request &request);

} // namespace StreamRequest
} // namespace quotecast
