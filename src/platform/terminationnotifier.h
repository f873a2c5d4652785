#pragma once

#include <QObject>

namespace quotecast {

// Turns SIGINT and SIGTERM (Ctrl-C, `kill`, systemd's stop) into a Qt signal, so that the
// event loop ends normally and every destructor (closing the streams) runs. One at a time.
// - Unix: the handler writes a byte to a socket pair that a QSocketNotifier watches (the
//   self-pipe trick of Qt's documentation): the loop wakes at once.
// - Elsewhere (and QUOTECAST_PORTABLE): std::signal sets a flag that a timer reads every
//   100 ms, since the C standard allows a handler little more.
class TerminationNotifier : public QObject
{
    Q_OBJECT

public:
    explicit TerminationNotifier(QObject *parent = nullptr);
    ~TerminationNotifier() override;

signals:
    // `signalNumber`: SIGINT or SIGTERM.
    void terminationRequested(int signalNumber);

private:
    static void handle(int signalNumber);

    QObject *m_watcher = nullptr; // what wakes the event loop; null if nothing could be set up
};

} // namespace quotecast
