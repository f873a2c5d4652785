#pragma once

#include <QObject>

class QSocketNotifier;

namespace quotecast {

// Turns SIGINT and SIGTERM into a Qt signal, so that Ctrl-C and `kill` end the event
// loop normally and every destructor (closing the streams) runs. A signal handler
// may only do async-signal-safe work: it writes a byte to a socket pair, and the
// event loop reads it (the self-pipe trick from the Qt documentation).
class UnixSignalNotifier : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignalNotifier(QObject *parent = nullptr);
    ~UnixSignalNotifier() override;

signals:
    void terminationRequested(int signalNumber);

private:
    static void handle(int signalNumber);
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace quotecast
