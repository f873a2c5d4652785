#include <platform/terminationnotifier.h>

#include <QTimer>

#include <csignal>

namespace quotecast {

namespace {
// All that a handler may touch by the C standard.
volatile std::sig_atomic_t g_signal = 0;
} // namespace

TerminationNotifier::TerminationNotifier(QObject *parent)
    : QObject(parent)
{
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, [this] {
        if (const int signalNumber = g_signal) {
            g_signal = 0;
            emit terminationRequested(signalNumber);
        }
    });
    timer->start(100);
    m_watcher = timer;
    std::signal(SIGINT, &TerminationNotifier::handle);
    std::signal(SIGTERM, &TerminationNotifier::handle);
}

TerminationNotifier::~TerminationNotifier()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

void TerminationNotifier::handle(int signalNumber)
{
    g_signal = signalNumber;
    // Some systems reset the handler to SIG_DFL when it runs: a second Ctrl-C still arrives.
    std::signal(signalNumber, &TerminationNotifier::handle);
}

} // namespace quotecast
