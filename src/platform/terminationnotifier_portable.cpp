#include <platform/terminationnotifier.h>

#include <QTimer>

#include <atomic>
#include <csignal>

namespace quotecast {

namespace {
// A lock-free atomic is what a handler may touch (C++17 [support.signal]); on Windows the
// handler runs in a thread of its own, where a plain sig_atomic_t would be a data race.
std::atomic<int> g_signal { 0 };
static_assert(std::atomic<int>::is_always_lock_free);
} // namespace

TerminationNotifier::TerminationNotifier(QObject *parent)
    : QObject(parent)
{
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, [this] {
        if (const int signalNumber = g_signal.exchange(0))
            emit terminationRequested(signalNumber);
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
