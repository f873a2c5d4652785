#include <platform/terminationnotifier.h>

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace quotecast {

namespace {
int g_socketPair[2] = { -1, -1 };
}

TerminationNotifier::TerminationNotifier(QObject *parent)
    : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_socketPair) != 0) {
        qWarning("quotecast: cannot watch for SIGINT/SIGTERM: socketpair failed");
        return;
    }
    auto *notifier = new QSocketNotifier(g_socketPair[1], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        if (::read(g_socketPair[1], &byte, 1) == 1)
            emit terminationRequested(int(byte));
    });
    m_watcher = notifier;

    struct sigaction action = {};
    action.sa_handler = &TerminationNotifier::handle;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

TerminationNotifier::~TerminationNotifier()
{
    if (!m_watcher)
        return;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    ::close(g_socketPair[0]);
    ::close(g_socketPair[1]);
    g_socketPair[0] = g_socketPair[1] = -1;
}

void TerminationNotifier::handle(int signalNumber)
{
    const int savedErrno = errno; // the interrupted code may be about to read it
    const char byte = char(signalNumber);
    [[maybe_unused]] const auto written = ::write(g_socketPair[0], &byte, 1);
    errno = savedErrno;
}

} // namespace quotecast
