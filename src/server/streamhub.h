#pragma once

#include <feed/feedstatus.h>
#include <feed/quote.h>
#include <server/historypages.h>
#include <server/httpreply.h>
#include <server/quoteboard.h>
#include <server/requestframer.h>
#include <server/servermetrics.h>
#include <server/serversettings.h>
#include <server/sse/resumebuffer.h>
#include <server/staticfiles.h>

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHttpServer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrlQuery>

#include <memory>
#include <optional>

class QTcpSocket;
class QTcpServer;

namespace quotecast {

class NchanPublisher;
class StreamSet;

// The HTTP side: serves the web page and fans the feed out to every open
// `/stream` as Server-Sent Events. It receives quotes and status by slot (queued
// across threads in the app) and never reaches into the market. Each event is
// encoded once; every client is written the same shared bytes.
//
// The hub lives in one thread (see ServerThread) and, on Linux, its StreamSet writes the
// streams from threads of its own, so nothing proportional to the number of clients runs
// on the GUI thread, nor holds up new connections (the portable StreamSet writes them on
// the hub's thread).
class StreamHub : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int clientCount READ clientCount NOTIFY clientCountChanged)
    Q_PROPERTY(quint64 slowClientsDropped READ slowClientsDropped)
    Q_PROPERTY(quint64 clientsTimedOut READ clientsTimedOut)

public:
    explicit StreamHub(const ServerSettings &settings, QObject *parent = nullptr);
    ~StreamHub() override;

    // Binds the configured address and port. On failure, errorString() says why
    // (typically "The bound address is already in use").
    bool listen();
    quint16 serverPort() const;
    QString errorString() const;

    // Names this server run in event ids (`<run>-<seq>`), unique across restarts.
    QByteArray runId() const;
    int clientCount() const;
    // Clients cut off because they read too slowly (their unsent data passed the cap).
    quint64 slowClientsDropped() const;
    // Clients the kernel dropped because their connection made no progress for the client
    // timeout.
    quint64 clientsTimedOut() const;
    // What GET /metrics reports.
    ServerMetrics metrics() const;

public slots:
    // The state before the first tick: the feed status, the opening quotes and, when the
    // feed resumes a stored history, its last ticks (consecutive, oldest first) for replay.
    void setFeed(const quotecast::FeedStatus &status, const QList<quotecast::Quote> &quotes,
                 const QList<quotecast::Quote> &recentTicks = {});
    // A tick of the feed: kept for resume, fanned out to every stream, posted to nchan.
    void addTick(const quotecast::Quote &quote);
    // A new status goes to every stream (`event: status`) and nchan; /api/quotes and new
    // streams' snapshots follow its symbol list (QuoteBoard::followSymbols).
    void setStatus(const quotecast::FeedStatus &status);
    // The same, a symbol new to them at its quote among `quotes` (the market's when the status
    // was sent): a replay's new symbols have an opening price before any tick of theirs.
    void setStatusWithQuotes(const quotecast::FeedStatus &status,
                             const QList<quotecast::Quote> &quotes);
    // Ends every stream cleanly (flushes, then closes); browsers reconnect by themselves.
    void closeAllStreams();

signals:
    void clientCountChanged(int count);
    // With --publish: how posting the events to nchan goes.
    void publisherStatusChanged(const quotecast::PublisherStatus &status);

private:
    void addRoutes();
    // The read-only endpoints for programs: /api/quotes, /api/history, /healthz, /metrics.
    void serveApi(const QHttpServerRequest &request, const QString &path,
                  QHttpServerResponder &responder, bool withBody);
    // GET (withBody) or HEAD of /stream.
    void openStream(const QHttpServerRequest &request, QHttpServerResponder &responder,
                    bool withBody);
    // A `GET /stream` the guard framed on a connection Qt has not seen
    // (GuardedTcpServer::setStreamOpener): true when its stream is open, false when Qt's route
    // must answer it (anything StreamRequest::directStream leaves to Qt, a refusal, 503).
    bool openStreamDirectly(qintptr descriptor, const RequestFramer::Request &request);
    // A stream's first bytes: the head, with `cors`, `retry:`, `event: status` and
    // CatchUp::events().
    QByteArray streamOpening(const HttpReply::Headers &cors, const QByteArray &lastEventId,
                             const QSet<QString> &symbols) const;

    const ServerSettings m_settings;
    const QByteArray m_runId;
    QHttpServer m_http;
    QTcpServer *m_tcpServer = nullptr; // owned by m_http once bound
    QString m_errorString;

    QElapsedTimer m_uptime;
    FeedStatus m_status;
    QuoteBoard m_board;
    ResumeBuffer m_resumeBuffer;
    quint64 m_ticksReceived = 0;
    StreamSet *m_streams; // every open stream, with the symbols it asked for
    QTimer m_heartbeat;

    StaticFiles m_files; // the page
    HistoryPages m_historyPages; // GET /api/history
    NchanPublisher *m_publisher = nullptr; // with --publish
};

} // namespace quotecast
