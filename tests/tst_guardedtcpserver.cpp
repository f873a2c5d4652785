#include <server/guardedsocket.h>
#include <server/guardedtcpserver.h>
#include <server/requestframer.h>
#include <server/serversettings.h>

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <sys/socket.h>
#include <unistd.h>

#include <memory>

using namespace quotecast;

namespace {
const QByteArray GetStream = "GET /stream HTTP/1.1\r\nHost: x\r\n\r\n";
const QByteArray GetHealthz = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";

// What the guard has put back for Qt to read on `connection`; -1 once the guard closed it.
qint64 availableToQt(const QPointer<GuardedSocket> &connection)
{
    return connection ? connection->bytesAvailable() : -1;
}
} // namespace

// GuardedTcpServer's direct path, with a stream opener that records what it is offered: a
// connection whose first request has arrived whole is offered to the opener, which keeps the
// descriptor or leaves it; a connection it leaves, or whose first request is not whole or not
// well-formed, goes to the guard (GuardedSocket), which gives Qt the request from its first
// byte. No hub and no Qt routes here: tst_streamresume has the streams either path opens.
class TestGuardedTcpServer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void aWholeRequestIsOfferedAndTheTakenDescriptorIsTheOpeners();
    void aDeclinedRequestGoesToTheGuardThenToQt();
    void aHeadInTwoPartsIsNotOffered();
    void aMalformedHeadIsNotOffered_data();
    void aMalformedHeadIsNotOffered();
    void aSilentConnectionIsAcceptedForTheGuardAfterTheDeferral();

private:
    struct Offer
    {
        qintptr descriptor;
        RequestFramer::Request request;
        bool taken; // the opener owns the descriptor
    };

    struct ForQt
    {
        QPointer<QTcpSocket> socket; // null once it is gone (a refusal closes it)
        bool guarded; // a GuardedSocket
    };

    void connectClient(QTcpSocket &client) const;
    // The one connection the server queued for Qt, which must be the guard's; null (the test
    // failed) if there is none or it is gone.
    GuardedSocket *guardedConnection() const;

    std::unique_ptr<GuardedTcpServer> m_server;
    std::unique_ptr<QSignalSpy> m_pending; // pendingConnectionAvailable: a connection for Qt
    QList<ForQt> m_forQt; // taken at once, as QHttpServer does
    QList<Offer> m_offers;
    bool m_opens = true; // what the opener answers
};

void TestGuardedTcpServer::init()
{
    m_offers.clear();
    m_forQt.clear();
    m_opens = true;
    m_server = std::make_unique<GuardedTcpServer>(ServerSettings {}); // the default limits
    QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0), qPrintable(m_server->errorString()));
    m_server->setStreamOpener([this](qintptr descriptor, const RequestFramer::Request &request) {
        m_offers.append({ descriptor, request, m_opens });
        return m_opens;
    });
    m_pending
        = std::make_unique<QSignalSpy>(m_server.get(), &QTcpServer::pendingConnectionAvailable);
    QVERIFY(m_pending->isValid());
    // Taken in the signal, as QHttpServer takes them: the guard may close a connection it
    // refused soon after, and QTcpServer's queue would keep a dangling pointer to it.
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            m_forQt.append({ socket, qobject_cast<GuardedSocket *>(socket) != nullptr });
    });
}

void TestGuardedTcpServer::cleanup()
{
    for (const Offer &offer : std::as_const(m_offers)) {
        if (offer.taken)
            ::close(int(offer.descriptor));
    }
    m_pending.reset();
    m_server.reset();
}

void TestGuardedTcpServer::connectClient(QTcpSocket &client) const
{
    client.connectToHost(QHostAddress::LocalHost, m_server->serverPort());
}

GuardedSocket *TestGuardedTcpServer::guardedConnection() const
{
    if (m_forQt.size() != 1) {
        QTest::qFail(qPrintable(QStringLiteral("the server queued %1 connections for Qt, not 1")
                                    .arg(m_forQt.size())),
                     __FILE__, __LINE__);
        return nullptr;
    }
    if (!m_forQt.constFirst().guarded) {
        QTest::qFail("the connection for Qt is not the guard's", __FILE__, __LINE__);
        return nullptr;
    }
    auto *connection = qobject_cast<GuardedSocket *>(m_forQt.constFirst().socket.data());
    if (!connection)
        QTest::qFail("the guard's connection is gone", __FILE__, __LINE__);
    return connection;
}

void TestGuardedTcpServer::aWholeRequestIsOfferedAndTheTakenDescriptorIsTheOpeners()
{
    QTcpSocket client;
    connectClient(client);
    client.write(GetStream); // sent as soon as the handshake is done
    QTRY_COMPARE(m_offers.size(), 1);
    const Offer &offer = m_offers.constFirst();
    QCOMPARE(offer.request.method, QByteArray("GET"));
    QCOMPARE(offer.request.target, QByteArray("/stream"));
    QCOMPARE(offer.request.bytes, GetStream);
    QVERIFY(!offer.request.closeAfter);
    // Nothing for Qt: no QTcpSocket was made for it.
    QCOMPARE(m_pending->size(), 0);
    QVERIFY(m_forQt.isEmpty());

    // Peeked, not read: the request still waits in the descriptor for whoever reads it.
    QByteArray unread(GetStream.size() + 1, '\0');
    QCOMPARE(::recv(int(offer.descriptor), unread.data(), size_t(unread.size()), MSG_DONTWAIT),
             ssize_t(GetStream.size()));
    QCOMPARE(unread.left(GetStream.size()), GetStream);
    // The descriptor is the opener's: what it writes, the client reads.
    const QByteArray answer = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n";
    QCOMPARE(::write(int(offer.descriptor), answer.constData(), size_t(answer.size())),
             ssize_t(answer.size()));
    QByteArray received;
    QTRY_COMPARE(received += client.readAll(), answer);
    QCOMPARE(m_offers.size(), 1);
    QCOMPARE(m_pending->size(), 0);
}

void TestGuardedTcpServer::aDeclinedRequestGoesToTheGuardThenToQt()
{
    m_opens = false;
    QTcpSocket client;
    connectClient(client);
    client.write(GetStream + GetHealthz); // pipelined
    QTRY_COMPARE(m_pending->size(), 1);
    QCOMPARE(m_offers.size(), 1); // offered the first request alone, and declined
    QCOMPARE(m_offers.constFirst().request.bytes, GetStream);
    const QPointer<GuardedSocket> connection = guardedConnection();
    QVERIFY(connection);
    // The guard reads the connection from its first byte and gives Qt the first request,
    // whole, and only it until it is answered: what a readyRead slot after the guard's finds.
    QTRY_COMPARE(availableToQt(connection), qint64(GetStream.size()));
    QCOMPARE(connection->readAll(), GetStream);
    QCOMPARE(m_offers.size(), 1);
}

void TestGuardedTcpServer::aHeadInTwoPartsIsNotOffered()
{
    QTcpSocket client;
    connectClient(client);
    const qsizetype half = GetStream.indexOf("\r\n") + 2; // the request line
    client.write(GetStream.left(half));
    QTRY_COMPARE(m_pending->size(), 1); // accepted once the first part arrived
    client.write(GetStream.mid(half));
    const QPointer<GuardedSocket> connection = guardedConnection();
    QVERIFY(connection);
    QTRY_COMPARE(availableToQt(connection), qint64(GetStream.size()));
    QCOMPARE(connection->readAll(), GetStream);
    QVERIFY(m_offers.isEmpty());
}

void TestGuardedTcpServer::aMalformedHeadIsNotOffered_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("status"); // the guard's refusal

    QTest::addRow("a field without a colon")
        << QByteArray("GET /stream HTTP/1.1\r\nHost x\r\n\r\n") << 400;
    QTest::addRow("two Host fields")
        << QByteArray("GET /stream HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n") << 400;
    QTest::addRow("HTTP/2.0") << QByteArray("GET /stream HTTP/2.0\r\nHost: x\r\n\r\n") << 505;
    // Fields of 4 KiB each (a field may have 8), past the head's limit (--max-request-bytes).
    QByteArray pastTheLimit = "GET /stream HTTP/1.1\r\nHost: x\r\n";
    while (pastTheLimit.size() <= ServerSettings {}.maxRequestBytes)
        pastTheLimit += "X-Pad: " + QByteArray(4096, 'a') + "\r\n";
    QTest::addRow("a head past the limit") << pastTheLimit + "\r\n" << 431;
}

void TestGuardedTcpServer::aMalformedHeadIsNotOffered()
{
    QFETCH(QByteArray, head);
    QFETCH(int, status);
    QTcpSocket client;
    connectClient(client);
    client.write(head);
    QTRY_COMPARE(m_pending->size(), 1);
    QCOMPARE(m_forQt.size(), 1);
    QVERIFY(m_forQt.constFirst().guarded); // which refuses it, then closes
    QByteArray answer;
    const QByteArray statusLine = "HTTP/1.1 " + QByteArray::number(status) + ' ';
    QTRY_VERIFY2((answer += client.readAll()).startsWith(statusLine), answer.constData());
    QVERIFY(m_offers.isEmpty());
}

void TestGuardedTcpServer::aSilentConnectionIsAcceptedForTheGuardAfterTheDeferral()
{
    QElapsedTimer sinceConnect;
    sinceConnect.start();
    QTcpSocket client;
    connectClient(client);
    QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState); // the handshake, no byte
    // TCP_DEFER_ACCEPT (1 s): the kernel holds the connection back for its request, then
    // hands it over anyway.
    QTRY_COMPARE_WITH_TIMEOUT(m_pending->size(), 1, 4000);
#ifdef Q_OS_LINUX
    QVERIFY2(sinceConnect.elapsed() >= 900, qPrintable(QString::number(sinceConnect.elapsed())));
#endif
    QVERIFY(m_offers.isEmpty()); // nothing to offer
    const QPointer<GuardedSocket> connection = guardedConnection();
    QVERIFY(connection);
    client.write(GetStream); // what comes later is the guard's and Qt's
    QTRY_COMPARE(availableToQt(connection), qint64(GetStream.size()));
    QCOMPARE(connection->readAll(), GetStream);
    QVERIFY(m_offers.isEmpty());
}

QTEST_GUILESS_MAIN(TestGuardedTcpServer)
#include "tst_guardedtcpserver.moc"
