#include "streamhub.h"

#include "sseevent.h"

#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QMimeDatabase>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

Q_LOGGING_CATEGORY(lcHub, "quotecast.hub", QtInfoMsg)

namespace quotecast {

namespace {

using StatusCode = QHttpServerResponder::StatusCode;

// The page needs nothing from elsewhere: no inline script or style, no CDN.
constexpr char ContentSecurityPolicy[]
    = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; "
      "frame-ancestors 'none'";

QByteArray makeRunId()
{
    // Milliseconds since the epoch in base 36, plus three random base-36 digits so
    // that two servers started in the same millisecond still differ. No '-' inside:
    // it separates the run from the sequence number in event ids.
    const int suffix = QRandomGenerator::global()->bounded(36 * 36 * 36);
    return QByteArray::number(QDateTime::currentMSecsSinceEpoch(), 36)
        + QByteArray::number(36 * 36 * 36 + suffix, 36).mid(1);
}

QHash<QString, QByteArray> loadAssets()
{
    QHash<QString, QByteArray> assets;
    QDirIterator it(QStringLiteral(":/web"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            assets.insert(file.fileName().mid(int(qstrlen(":/web"))), file.readAll());
    }
    if (assets.contains(QStringLiteral("/index.html")))
        assets.insert(QStringLiteral("/"), assets.value(QStringLiteral("/index.html")));
    return assets;
}

QByteArray contentType(const QString &path)
{
    static const QMimeDatabase mimeDatabase;
    const QString name = path.endsWith(u'/') ? QStringLiteral("index.html") : path;
    const QMimeType mime = mimeDatabase.mimeTypeForFile(name, QMimeDatabase::MatchExtension);
    QByteArray type = mime.name().toUtf8();
    if (mime.inherits(QStringLiteral("text/plain")) || type == "image/svg+xml")
        type += "; charset=utf-8";
    return type;
}

void replyText(QHttpServerResponder &responder, StatusCode status, const QByteArray &message,
               const QByteArray &allow = {})
{
    if (allow.isEmpty()) {
        responder.write(message + '\n', { { "Content-Type", "text/plain; charset=utf-8" } },
                        status);
    } else {
        responder.write(message + '\n',
                        { { "Content-Type", "text/plain; charset=utf-8" }, { "Allow", allow } },
                        status);
    }
}

// A browser that vanishes without closing its connection (power loss, Wi-Fi gone)
// never sends FIN, so the socket would look alive forever and the client count would
// lie. TCP keepalive probes idle connections; TCP_USER_TIMEOUT bounds how long sent
// data may stay unacknowledged. Either one failing makes the kernel reset the socket,
// which QTcpSocket reports as a disconnect.
void detectDeadPeers(QTcpSocket *socket)
{
    socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
#ifdef Q_OS_LINUX
    const int fd = int(socket->socketDescriptor());
    const int idleSeconds = 30, probeIntervalSeconds = 10, probes = 3;
    const unsigned int userTimeoutMs = 60'000;
    setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idleSeconds, sizeof idleSeconds);
    setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &probeIntervalSeconds, sizeof probeIntervalSeconds);
    setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &probes, sizeof probes);
    setsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &userTimeoutMs, sizeof userTimeoutMs);
#endif
}

} // namespace

StreamHub::StreamHub(const ServerSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings), m_runId(makeRunId()), m_http(this), m_heartbeat(this),
      m_assets(loadAssets())
{
    addRoutes();
    m_heartbeat.setInterval(m_settings.heartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this,
            [this] { broadcast(SseEvent::comment(QByteArrayLiteral("ping"))); });
}

StreamHub::~StreamHub()
{
    closeAllStreams();
}

bool StreamHub::listen()
{
    auto *tcpServer = new QTcpServer(this);
    if (!tcpServer->listen(m_settings.bindAddress, m_settings.port)) {
        m_errorString = tcpServer->errorString();
        delete tcpServer;
        return false;
    }
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
    return int(m_streams.size());
}

void StreamHub::setFeed(const FeedStatus &status, const QList<Quote> &quotes)
{
    m_status = status;
    m_latest = quotes;
}

void StreamHub::publish(const Quote &quote)
{
    for (Quote &latest : m_latest) {
        if (latest.symbol == quote.symbol)
            latest = quote;
    }
    m_lastSeq = quote.seq;
    broadcast(SseEvent::quote(quote, SseEvent::eventId(m_runId, quote.seq)));
}

void StreamHub::setStatus(const FeedStatus &status)
{
    if (status == m_status)
        return;
    m_status = status;
    broadcast(SseEvent::status(status));
}

void StreamHub::closeAllStreams()
{
    const QSet<QTcpSocket *> streams = std::exchange(m_streams, {});
    for (QTcpSocket *socket : streams) {
        disconnect(socket, nullptr, this, nullptr);
        socket->flush();
        socket->disconnectFromHost(); // the client sees a clean end of stream
    }
    if (!streams.isEmpty())
        emit clientCountChanged(0);
}

void StreamHub::addRoutes()
{
    using Method = QHttpServerRequest::Method;

    m_http.route(QStringLiteral("/stream"), Method::Get,
                 [this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
                     openStream(std::move(responder));
                 });

    const auto serveAsset = [this](const QString &path, QHttpServerResponder &responder) {
        const auto asset = m_assets.constFind(path);
        if (asset == m_assets.cend()) {
            replyText(responder, StatusCode::NotFound, "Not found: " + path.toUtf8());
            return;
        }
        responder.write(*asset,
                        { { "Content-Type", contentType(path) },
                          { "Content-Security-Policy", ContentSecurityPolicy },
                          { "X-Content-Type-Options", "nosniff" },
                          { "Referrer-Policy", "no-referrer" },
                          { "Cache-Control", "no-cache" } });
    };
    m_http.route(QStringLiteral("/"), Method::Get,
                 [serveAsset](const QHttpServerRequest &, QHttpServerResponder &&responder) {
                     serveAsset(QStringLiteral("/"), responder);
                 });
    m_http.route(
        QStringLiteral("/<arg>"), Method::Get,
        [serveAsset](const QString &name, const QHttpServerRequest &,
                     QHttpServerResponder &&responder) { serveAsset(u'/' + name, responder); });

    m_http.setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            const QString path = request.url().path();
            if (path == u"/stream" || m_assets.contains(path)) {
                replyText(responder, StatusCode::MethodNotAllowed,
                          "Method not allowed: " + path.toUtf8() + " is read-only",
                          QByteArrayLiteral("GET"));
            } else {
                replyText(responder, StatusCode::NotFound, "Not found: " + path.toUtf8());
            }
        });
}

void StreamHub::openStream(QHttpServerResponder &&responder)
{
    QTcpSocket *socket = responder.socket();
    responder.writeStatusLine(StatusCode::Ok);
    responder.writeHeaders({ { "Content-Type", "text/event-stream" },
                             { "Cache-Control", "no-cache" },
                             { "Connection", "keep-alive" },
                             { "X-Accel-Buffering", "no" } });
    responder.writeBody(SseEvent::retry(m_settings.retryMs) + SseEvent::status(m_status)
                        + snapshot());
    // From here on the stream belongs to the hub, which writes the shared event bytes
    // straight to the socket. QAbstractHttpServer would otherwise go on parsing what
    // the client sends as further requests and write their answers into the event
    // stream; a stream is one-way, so input is read and dropped (never buffered).
    disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    socket->skip(socket->bytesAvailable());
    connect(socket, &QTcpSocket::readyRead, this,
            [socket] { socket->skip(socket->bytesAvailable()); });
    // QAbstractHttpServer still owns the socket and deletes it once it disconnects,
    // so both signals below make the hub forget it.
    detectDeadPeers(socket);
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { forgetStream(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] { forgetStream(socket); });
    m_streams.insert(socket);
    qCDebug(lcHub) << "stream opened by" << socket->peerAddress() << "clients:" << clientCount();
    emit clientCountChanged(clientCount());
}

void StreamHub::forgetStream(QTcpSocket *socket)
{
    if (!m_streams.remove(socket))
        return;
    qCDebug(lcHub) << "stream closed; clients:" << clientCount();
    emit clientCountChanged(clientCount());
}

void StreamHub::broadcast(const QByteArray &bytes)
{
    for (QTcpSocket *socket : std::as_const(m_streams))
        socket->write(bytes);
}

QByteArray StreamHub::snapshot() const
{
    // One unnamed event per symbol; the last carries the id of the latest tick so that
    // a browser reconnecting with Last-Event-ID resumes exactly after it.
    QByteArray events;
    for (qsizetype i = 0; i < m_latest.size(); ++i) {
        const bool last = i == m_latest.size() - 1;
        events += SseEvent::quote(m_latest[i],
                                  last ? SseEvent::eventId(m_runId, m_lastSeq) : QByteArray());
    }
    return events;
}

} // namespace quotecast
