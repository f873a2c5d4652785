#pragma once

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

// A loopback port that was free a moment ago, for a test's own server process.
inline quint16 freeLoopbackPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

// Whether something accepts connections on 127.0.0.1:port within the timeout.
inline bool waitUntilListening(quint16 port, int timeoutMs = 10000)
{
    return QTest::qWaitFor(
        [port] {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, port);
            return probe.waitForConnected(100);
        },
        timeoutMs);
}
