#include <server/streamhub.h>

#include <feed/runid.h>
#include <relay/nchanpublisher.h>
#include <server/catchup.h>
#include <server/fanout/streamset.h>
#include <server/guardedsocket.h>
#include <server/guardedtcpserver.h>
#include <server/httpreply.h>
#include <server/sse/sseevent.h>
#include <server/streamrequest.h>

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

#include <algorithm>
#include <array>

Q_LOGGING_CATEGORY(lcHub, "quotecast.hub", QtInfoMsg)

namespace quotecast {

namespace {

using StatusCode = HttpReply::StatusCode;
using HttpReply::Headers;

// The endpoints for programs, next to the page and the stream.
constexpr std::array<const char *, 4> ApiPaths { "/api/quotes", "/api/history", "/healthz",
                                                 "/metrics" };

bool isApiPath(const QString &path)
{
    return std::any_of(ApiPaths.cbegin(), ApiPaths.cend(),
                       [&](const char *api) { return path == QLatin1String(api); });
}

// The contract's headers of /stream: no Content-Length, the response stays open.
Headers streamHeaders()
{
    return { { "Content-Type", "text/event-stream" },
             { "Cache-Control", "no-cache" },
             { "Connection", "keep-alive" },
             { "X-Accel-Buffering", "no" } };
}

// Each browser is advised its own reconnection delay, spread evenly over [retry/2,
// 3·retry/2]: after a restart the crowd comes back over a whole retry period, not all
// in the same millisecond (the mean delay stays the configured one).
int spreadRetry(int retryMs)
{
    return retryMs / 2 + int(QRandomGenerator::global()->bounded(quint32(retryMs) + 1));
}

} // namespace

StreamHub::StreamHub(const ServerSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_runId(settings.runId.isEmpty() ? newRunId() : settings.runId)
    , m_http(this)
    , m_resumeBuffer(settings.resumeBufferSize)
    , m_streams(StreamSet::create(settings.streamThreads, settings.clientBufferBytes,
                                  settings.clientTimeoutMs, this))
    , m_heartbeat(this)
    , m_historyPages(settings.historyFile, this)
{
    if (!settings.publishUrl.isEmpty()) {
        m_publisher = new NchanPublisher(settings.publishUrl, settings.publishQueue, this);
        connect(m_publisher, &NchanPublisher::statusChanged, this,
                &StreamHub::publisherStatusChanged);
    }
    m_uptime.start();
    addRoutes();
    connect(m_streams, &StreamSet::sizeChanged, this, &StreamHub::clientCountChanged);
    m_heartbeat.setInterval(m_settings.heartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this,
            [this] { m_streams->broadcastHeartbeat(SseEvent::heartbeat()); });
}

StreamHub::~StreamHub()
{
    closeAllStreams();
}

bool StreamHub::listen()
{
    auto *tcpServer = new GuardedTcpServer(m_settings, this);
    if (!tcpServer->listen(m_settings.bindAddress, m_settings.port)) {
        m_errorString = tcpServer->errorString();
        delete tcpServer;
        return false;
    }
    // A `GET /stream` that has arrived whole when its connection is accepted opens its stream
    // at once, without a QTcpSocket or Qt's request objects: a reconnection storm is
    // thousands of them a second. Every other request goes through the guard to Qt's routes.
    tcpServer->setStreamOpener([this](qintptr descriptor, const RequestFramer::Request &request) {
        return openStreamDirectly(descriptor, request);
    });
    m_http.bind(tcpServer); // reparents it to m_http
    m_tcpServer = tcpServer;
    m_heartbeat.start();
    return true;
}

quint16 StreamHub::serverPort() const
{
    return m_tcpServer ? m_tcpServer->serverPort() : 0;
}

QString StreamHub::errorString() const
{
    return m_errorString;
}

QByteArray StreamHub::runId() const
{
    return m_runId;
}

int StreamHub::clientCount() const
{
    return m_streams->size();
}

quint64 StreamHub::slowClientsDropped() const
{
    return m_streams->totals().slowClientsDropped;
}

quint64 StreamHub::clientsTimedOut() const
{
    return m_streams->totals().clientsTimedOut;
}

ServerMetrics StreamHub::metrics() const
{
    const StreamSet::Totals totals = m_streams->totals();
    ServerMetrics metrics;
    metrics.clients = clientCount();
    metrics.maxClients = m_settings.maxClients;
    metrics.ticksReceived = m_ticksReceived;
    metrics.eventsSent = totals.eventsSent;
    metrics.bytesSent = totals.bytesSent;
    metrics.slowClientsDropped = totals.slowClientsDropped;
    metrics.clientsTimedOut = totals.clientsTimedOut;
    metrics.uptimeSeconds = double(m_uptime.elapsed()) / 1000.0;
    metrics.feedRunning = m_status.running;
    metrics.feedIntervalMs = m_status.intervalMs;
    if (m_publisher)
        metrics.publisher = m_publisher->status();
    return metrics;
}

void StreamHub::setFeed(const FeedStatus &status, const QList<Quote> &quotes,
                        const QList<Quote> &recentTicks)
{
    m_status = status;
    m_board.reset(quotes, recentTicks);
    quint64 lastSeq = 0;
    for (const Quote &quote : quotes)
        lastSeq = qMax(lastSeq, quote.seq);
    // The ticks of a stored history can be replayed to browsers that saw them before a restart.
    m_resumeBuffer.clear(recentTicks.isEmpty() ? lastSeq : recentTicks.constFirst().seq - 1);
    for (const Quote &tick : recentTicks)
        m_resumeBuffer.append(tick.seq, tick.symbol,
                              SseEvent::quote(tick, SseEvent::eventId(m_runId, tick.seq)));
    // nchan keeps the last messages for new subscribers: the status and the prices first.
    if (m_publisher) {
        m_publisher->publish(SseEvent::statusJson(status, m_settings.heartbeatMs), "status");
        for (const Quote &quote : quotes)
            m_publisher->publish(SseEvent::quoteJson(quote));
    }
}

void StreamHub::addTick(const Quote &quote)
{
    m_board.update(quote);
    ++m_ticksReceived;
    // Encoded once: for the streams, the resume buffer and nchan.
    const QByteArray json = SseEvent::quoteJson(quote);
    const QByteArray event = SseEvent::quote(json, SseEvent::eventId(m_runId, quote.seq));
    m_resumeBuffer.append(quote.seq, quote.symbol, event);
    m_streams->broadcast(event, quote.symbol);
    if (m_publisher)
        m_publisher->publish(json);
}

void StreamHub::setStatus(const FeedStatus &status)
{
    setStatusWithQuotes(status, {});
}

void StreamHub::setStatusWithQuotes(const FeedStatus &status, const QList<Quote> &quotes)
{
    if (status == m_status)
        return;
    // An added symbol's first tick came before this status, a removed one's last tick too; a
    // replay's new symbols have only their opening quotes.
    if (status.symbols != m_status.symbols)
        m_board.followSymbols(status.symbols, quotes);
    m_status = status;
    m_streams->broadcast(SseEvent::status(status, m_settings.heartbeatMs));
    if (m_publisher)
        m_publisher->publish(SseEvent::statusJson(status, m_settings.heartbeatMs), "status");
}

void StreamHub::closeAllStreams()
{
    m_streams->closeAll();
}

void StreamHub::addRoutes()
{
    using Method = QHttpServerRequest::Method;

    m_http.route(QStringLiteral("/stream"), Method::Get,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     if (HttpReply::begin(responder))
                         openStream(request, responder, true);
                 });

    for (const char *api : ApiPaths) {
        m_http.route(QLatin1String(api), Method::Get,
                     [this, path = QString::fromLatin1(api)](const QHttpServerRequest &request,
                                                             QHttpServerResponder &&responder) {
                         if (HttpReply::begin(responder))
                             serveApi(request, path, responder, true);
                     });
    }
    m_http.route(QStringLiteral("/"), Method::Get,
                 [this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
                     if (HttpReply::begin(responder))
                         m_files.serve(QStringLiteral("/"), responder, true);
                 });
    m_http.route(
        QStringLiteral("/<arg>"), Method::Get,
        [this](const QString &name, const QHttpServerRequest &, QHttpServerResponder &&responder) {
            if (HttpReply::begin(responder))
                m_files.serve(u'/' + name, responder, true);
        });

    // Everything the routes above did not take: HEAD of a known path, another method
    // on a known path (405), or an unknown path (404). Each handler first asks whether it may
    // answer at all (HttpReply::begin): Qt can call two for one request.
    m_http.setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            if (!HttpReply::begin(responder))
                return;
            const QString path = request.url().path();
            const bool known = path == u"/stream" || m_files.contains(path) || isApiPath(path);
            if (known && request.method() == Method::Head) {
                if (path == u"/stream") {
                    openStream(request, responder, false);
                } else if (isApiPath(path)) {
                    serveApi(request, path, responder, false);
                } else {
                    m_files.serve(path, responder, false);
                }
            } else if (known) {
                HttpReply::text(responder, StatusCode::MethodNotAllowed,
                                "Method not allowed: this path is read-only",
                                { { "Allow", "GET, HEAD" } });
            } else {
                HttpReply::notFound(responder, request.method() != Method::Head);
            }
        });
}

void StreamHub::serveApi(const QHttpServerRequest &request, const QString &path,
                         QHttpServerResponder &responder, bool withBody)
{
    if (path == u"/api/history") {
        m_historyPages.answer(request.query(), m_status.symbols, std::move(responder),
                              HttpReply::corsHeaders(request, m_settings.corsOrigin), withBody);
        return;
    }
    StatusCode status = StatusCode::Ok;
    QByteArray type = "text/plain; charset=utf-8";
    QByteArray body;
    if (path == u"/api/quotes") {
        // heartbeatMs too: a page behind the nchan relay may never get an `event: status`
        // (nchan replays only its newest messages), yet its watchdog needs the period.
        const QJsonObject quotes { { QStringLiteral("running"), m_status.running },
                                   { QStringLiteral("intervalMs"), m_status.intervalMs },
                                   { QStringLiteral("heartbeatMs"), m_settings.heartbeatMs },
                                   { QStringLiteral("quotes"), m_board.toJson() } };
        type = "application/json";
        body = QJsonDocument(quotes).toJson(QJsonDocument::Compact) + '\n';
    } else if (path == u"/healthz") {
        body = "ok\n";
    } else {
        Q_ASSERT(path == u"/metrics");
        type = "text/plain; version=0.0.4; charset=utf-8"; // Prometheus' text format
        body = metrics().toPrometheusText();
    }
    // Live values: never cached. Pages of another allowed origin may read them.
    HttpReply::writeLive(responder, { status, type, body },
                         HttpReply::corsHeaders(request, m_settings.corsOrigin), withBody);
}

void StreamHub::openStream(const QHttpServerRequest &request, QHttpServerResponder &responder,
                           bool withBody)
{
    // HEAD answers what GET would (RFC 9110 §9.3.2), refusals included.
    QString filterError;
    const QSet<QString> symbols
        = StreamRequest::symbolFilter(request.query(), m_status.symbols, &filterError);
    if (!filterError.isEmpty()) {
        HttpReply::text(responder, StatusCode::BadRequest, filterError.toUtf8(), {}, withBody);
        return;
    }
    if (clientCount() >= m_settings.maxClients) {
        qCInfo(lcHub) << "refused a stream: already" << clientCount() << "clients";
        HttpReply::text(
            responder, StatusCode::ServiceUnavailable,
            "Too many clients (the maximum is " + QByteArray::number(m_settings.maxClients)
                + "); retry in a few seconds",
            { { "Retry-After", QByteArray::number(qMax(1, m_settings.retryMs / 1000)) } },
            withBody);
        return;
    }
    const Headers cors = HttpReply::corsHeaders(request, m_settings.corsOrigin);
    if (!withBody) {
        HttpReply::writeHead(responder, streamHeaders() + cors);
        HttpReply::finish(responder, QByteArray());
        return;
    }

    // From here on the StreamSet writes the stream, on a connection it takes over from Qt.
    // The answers to requests pipelined before this one may still be in Qt's buffer, which the
    // StreamSet does not take over (the epoll one aborts Qt's socket): they go out first. A
    // client that has not read them yet (the kernel's buffer is full) is asked to retry.
    QTcpSocket *socket = responder.socket();
    socket->flush();
    if (socket->bytesToWrite() > 0) {
        HttpReply::text(
            responder, StatusCode::ServiceUnavailable,
            "Read the answers before the stream's, then retry",
            { { "Retry-After", QByteArray::number(qMax(1, m_settings.retryMs / 1000)) } });
        return;
    }
    if (auto *connection = qobject_cast<GuardedSocket *>(socket))
        connection->release();
    disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    m_streams->add(socket, streamOpening(cors, StreamRequest::lastEventId(request), symbols),
                   symbols);
}

bool StreamHub::openStreamDirectly(qintptr descriptor, const RequestFramer::Request &request)
{
    const std::optional<StreamRequest::DirectStream> stream = StreamRequest::directStream(request);
    if (!stream || clientCount() >= m_settings.maxClients)
        return false; // Qt's route answers it, or refuses it
    QString filterError;
    const QSet<QString> symbols
        = StreamRequest::symbolFilter(stream->query, m_status.symbols, &filterError);
    if (!filterError.isEmpty())
        return false;
    m_streams->add(
        descriptor,
        streamOpening(HttpReply::corsHeaders(stream->origin, m_settings.corsOrigin),
                      StreamRequest::lastEventId(stream->lastEventIdField, stream->query), symbols),
        symbols);
    return true;
}

QByteArray StreamHub::streamOpening(const Headers &cors, const QByteArray &lastEventId,
                                    const QSet<QString> &symbols) const
{
    QByteArray head = "HTTP/1.1 200 OK\r\n";
    for (const auto &[name, value] : streamHeaders() + cors + HttpReply::standardHeaders(false))
        head += name + ": " + value + "\r\n";
    return head + "\r\n" + SseEvent::retry(spreadRetry(m_settings.retryMs))
        + SseEvent::status(m_status, m_settings.heartbeatMs)
        + CatchUp::events(lastEventId, symbols, m_board, m_resumeBuffer, m_runId,
                          m_settings.clientBufferBytes / 2);
}

} // namespace quotecast
