#include <server/streamrequest.h>

#include <feed/symbol.h>

#include <QHttpServerRequest>
#include <QList>
#include <QUrl>

namespace quotecast::StreamRequest {

// The id a stream resumes after: the `Last-Event-ID` header (WHATWG HTML §9.2.4, sent by a
// browser's own reconnection), else `?lastEventId=` (the EventSource polyfills' and Mercure's
// name), which a page can set when it opens a new EventSource. The header wins: it is the
// newer of the two when a browser reconnects an EventSource opened with the query.
QByteArray lastEventId(const QHttpServerRequest &request)
{
    return lastEventId(request.value("Last-Event-ID"), request.query());
}

QByteArray lastEventId(const QByteArray &header, const QUrlQuery &query)
{
    if (!header.isEmpty())
        return header;
    return query.queryItemValue(QStringLiteral("lastEventId"), QUrl::FullyDecoded).toUtf8();
}

// `<run>-<seq>`: the run ends at the last dash (a run id has none, docs/protocol.md).
std::optional<quint64> resumeSeq(const QByteArray &lastEventId, const QByteArray &runId)
{
    const qsizetype dash = lastEventId.lastIndexOf('-');
    if (dash <= 0 || lastEventId.left(dash) != runId)
        return std::nullopt;
    bool ok = false;
    const quint64 seq = lastEventId.mid(dash + 1).toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    return seq;
}

// `?symbols=AAPL,msft`: the symbols a stream asked for, upper-cased; empty for all. Any name
// that is a symbol passes, whether or not the feed has it now: a filter is a set of names, and
// the feed's symbols change while it runs. A page that reconnects after one of its symbols was
// removed must not be refused: that symbol is quiet until it is added back.
QSet<QString> symbolFilter(const QUrlQuery &query, const QStringList &known, QString *error)
{
    const QString key = QStringLiteral("symbols");
    if (!query.hasQueryItem(key))
        return {};
    QSet<QString> symbols;
    const QStringList requested
        = query.queryItemValue(key, QUrl::FullyDecoded).split(u',', Qt::KeepEmptyParts);
    // The message says which name is wrong by its place, never by its text: an error answer
    // never repeats what the client sent (docs/protocol.md).
    const auto refuse = [&](qsizetype index, const char *what) {
        *error = QStringLiteral("Bad request: name %1 of symbols= %2 (a symbol is a letter, then "
                                "up to 9 letters, digits or dots; the feed has %3)")
                     .arg(index + 1)
                     .arg(QLatin1String(what), known.join(u','));
        return QSet<QString>();
    };
    for (qsizetype i = 0; i < requested.size(); ++i) {
        const QString &item = requested[i];
        if (item.trimmed().isEmpty())
            return refuse(i, "is empty");
        const QString symbol = symbol::normalized(item);
        if (symbol.isEmpty())
            return refuse(i, "is not a symbol");
        symbols.insert(symbol);
    }
    return symbols;
}

std::optional<DirectStream> directStream(const RequestFramer::Request &request)
{
    if (request.method != "GET" || request.closeAfter
        || !(request.target == "/stream" || request.target.startsWith("/stream?")))
        return std::nullopt;
    const QUrl url = QUrl::fromEncoded(request.target); // as Qt reads a target
    if (!url.isValid() || url.hasFragment())
        return std::nullopt;
    std::optional<QByteArray> lastEventId;
    std::optional<QByteArray> origin;
    const QList<QByteArray> lines = request.bytes.split('\n');
    // After the request line, up to the empty line; the guard has checked every field's form.
    for (qsizetype i = 1; i < lines.size() && !lines[i].trimmed().isEmpty(); ++i) {
        const QByteArray &line = lines[i];
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = line.left(colon).toLower();
        std::optional<QByteArray> *field = name == "last-event-id" ? &lastEventId
            : name == "origin"                                     ? &origin
                                                                   : nullptr;
        if (!field)
            continue;
        if (field->has_value())
            return std::nullopt; // Qt would join the two values
        *field = line.mid(colon + 1).trimmed();
    }
    return DirectStream { QUrlQuery(url.query()), lastEventId.value_or(QByteArray()),
                          origin.value_or(QByteArray()) };
}

} // namespace quotecast::StreamRequest
