#pragma once

#include "localhub.h"
#include "sseclient.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

// What tst_conformance and tst_connections share: a server with short deadlines, the requests
// they send, and the checks that it still serves and has let go of every connection.
namespace conformance {

inline const QByteArray Host = "Host: 127.0.0.1\r\n";
inline const QByteArray Healthz = "GET /healthz HTTP/1.1\r\n" + Host + "\r\n";

// A listening hub whose request and idle timeouts are 1 s, so that slow clients are cut fast.
inline std::unique_ptr<quotecast::StreamHub>
startStrictHub(const quotecast::MarketSimulator &market)
{
    quotecast::ServerSettings settings = localServerSettings();
    settings.requestTimeoutMs = 1000;
    settings.idleTimeoutMs = 1000;
    return startLocalHub(market, settings);
}

// The answers in `bytes`, counted by their status lines.
inline int answerCount(const QByteArray &bytes)
{
    static const QRegularExpression statusLine(QStringLiteral("(^|\n)HTTP/1\\.1 \\d{3} "));
    return int(QString::fromLatin1(bytes).count(statusLine));
}

// Fails the test unless a new client gets a whole stream's preamble.
inline void verifyServerStillServes(const quotecast::StreamHub &hub,
                                    const quotecast::MarketSimulator &market)
{
    SseClient client;
    client.open(hub.serverPort());
    const StreamPreamble preamble = StreamPreamble::of(market);
    QVERIFY2(client.waitForBlocks(preamble.blocks()),
             qPrintable(QStringLiteral("a normal client got %1 of the preamble's %2 blocks: %3")
                            .arg(client.blocks().size())
                            .arg(preamble.blocks())
                            .arg(QString::fromUtf8(client.body().left(300)))));
    QCOMPARE(client.statusCode(), 200);
}

// Fails the test unless the server has let go of every connection.
inline void verifyNoSocketIsLeft(const quotecast::StreamHub &hub)
{
    QTRY_COMPARE_WITH_TIMEOUT(hub.findChildren<QTcpSocket *>().size(), 0, 5000);
}

} // namespace conformance
