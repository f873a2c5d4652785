#pragma once

#include <server/fanout/streamset.h>

#include <memory>
#include <vector>

namespace quotecast {

class StreamWriter;

// The Linux fan-out: the open streams spread over StreamWriters, each a thread with an epoll
// set of raw non-blocking sockets (the nginx worker model); see StreamSet.
class EpollStreamSet final : public StreamSet
{
    Q_OBJECT

public:
    EpollStreamSet(int threads, qint64 maxPendingBytes, int clientTimeoutMs, QObject *parent);
    ~EpollStreamSet() override;

    void add(QTcpSocket *socket, const QByteArray &initial, const QSet<QString> &symbols) override;
    void add(qintptr descriptor, const QByteArray &initial, const QSet<QString> &symbols) override;
    void broadcast(const QByteArray &bytes, const QString &symbol = {}) override;
    void broadcastHeartbeat(const QByteArray &bytes) override;
    void closeAll() override;
    int size() const override;
    Totals totals() const override;

private:
    std::vector<std::unique_ptr<StreamWriter>> m_writers;
};

} // namespace quotecast
