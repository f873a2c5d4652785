#include <server/historypages.h>

#include <history/tickreader.h>
#include <platform/threadhost.h>
#include <server/historyquery.h>
#include <server/sse/sseevent.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QUrlQuery>

#include <atomic>
#include <variant>

Q_LOGGING_CATEGORY(lcHistoryPages, "quotecast.hub", QtInfoMsg)

namespace quotecast {

using StatusCode = HttpReply::StatusCode;

namespace {

HttpReply::Body error(StatusCode status, const QString &message)
{
    return { status, "text/plain; charset=utf-8", message.toUtf8() + '\n' };
}

} // namespace

// Reads pages in the thread that hosts it, where its SQLite connection lives.
class PageReader : public QObject
{
public:
    explicit PageReader(const QString &historyFile)
        : m_reader(historyFile)
    { }

    HttpReply::Body read(const HistoryQuery &request)
    {
        QString readError;
        const std::optional<TickReader::Page> page = m_reader.ticks(
            request.symbol, request.since, quint64(request.after), int(request.limit), &readError);
        if (!page) {
            qCWarning(lcHistoryPages) << "cannot read the tick history:" << readError;
            return error(StatusCode::InternalServerError,
                         QStringLiteral("The tick history cannot be read right now"));
        }
        QJsonArray ticks;
        for (const Quote &tick : page->ticks) {
            QJsonObject object = SseEvent::quoteObject(tick);
            object.remove(QStringLiteral("symbol")); // said once, at the top
            ticks.append(object);
        }
        QJsonObject result { { QStringLiteral("symbol"), request.symbol },
                             { QStringLiteral("ticks"), ticks },
                             { QStringLiteral("more"), page->more } };
        if (page->more) {
            // The next page starts after the last tick of this one, with the same filter.
            QUrlQuery next;
            next.addQueryItem(QStringLiteral("symbol"), request.symbol);
            next.addQueryItem(QStringLiteral("since"), QString::number(request.since));
            next.addQueryItem(QStringLiteral("after"),
                              QString::number(page->ticks.constLast().seq));
            next.addQueryItem(QStringLiteral("limit"), QString::number(request.limit));
            result.insert(QStringLiteral("next"),
                          QStringLiteral("/api/history?") + next.toString(QUrl::FullyEncoded));
        }
        return { StatusCode::Ok, "application/json",
                 QJsonDocument(result).toJson(QJsonDocument::Compact) + '\n' };
    }

private:
    TickReader m_reader;
};

HistoryPages::HistoryPages(const QString &historyFile, QObject *parent)
    : QObject(parent)
{
    if (!historyFile.isEmpty()) {
        m_reader = std::make_unique<ThreadHost<PageReader>>(QStringLiteral("quotecast history"),
                                                            historyFile);
    }
}

HistoryPages::~HistoryPages() = default; // joins the reader's thread first

void HistoryPages::answer(const QUrlQuery &query, const QStringList &symbols,
                          QHttpServerResponder &&responder, const HttpReply::Headers &extra,
                          bool withBody)
{
    if (!m_reader) {
        HttpReply::writeLive(
            responder,
            error(StatusCode::ServiceUnavailable,
                  QStringLiteral("No history here: this quotecast keeps no tick history on disk "
                                 "(--in-memory, or its history file could not be used)")),
            extra, withBody);
        return;
    }
    const auto parsed = HistoryQuery::parse(query, symbols);
    if (const auto *bad = std::get_if<QString>(&parsed)) {
        HttpReply::writeLive(responder, error(StatusCode::BadRequest, *bad), extra, withBody);
        return;
    }
    // Pages being read are bounded: a client that asks and leaves, again and again, must not
    // queue reads without end.
    if (m_pending >= MaxPendingPages) {
        HttpReply::writeLive(responder,
                             error(StatusCode::ServiceUnavailable,
                                   QStringLiteral("Too many history pages are being read; retry "
                                                  "in a second")),
                             extra + HttpReply::Headers { { "Retry-After", "1" } }, withBody);
        return;
    }
    ++m_pending;
    // The answer comes later, from the reader's thread. Meanwhile the connection's
    // GuardedSocket gives Qt none of its next requests: they cannot overtake this one.
    struct Pending
    {
        QHttpServerResponder responder;
        QPointer<QTcpSocket> socket; // null once the client has left
    };
    QTcpSocket *socket = responder.socket();
    auto pending = std::make_shared<Pending>(Pending { std::move(responder), socket });
    // A page whose client has left is not read.
    auto gone = std::make_shared<std::atomic_bool>(false);
    connect(socket, &QTcpSocket::disconnected, this, [gone] { *gone = true; });
    connect(socket, &QObject::destroyed, this, [gone] { *gone = true; });
    // `pending` moves on to the hub's thread: the responder is destroyed there, never in the
    // reader's thread.
    m_reader->post([this, reader = m_reader->object(), request = std::get<HistoryQuery>(parsed),
                    pending = std::move(pending), gone, extra, withBody]() mutable {
        HttpReply::Body body = *gone ? HttpReply::Body {} : reader->read(request);
        QMetaObject::invokeMethod(
            this, [this, pending = std::move(pending), body = std::move(body), extra, withBody] {
                --m_pending;
                if (pending->socket && pending->socket->state() == QAbstractSocket::ConnectedState)
                    HttpReply::writeLive(pending->responder, body, extra, withBody);
            });
    });
}

} // namespace quotecast
