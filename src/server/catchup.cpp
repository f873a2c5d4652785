#include <server/catchup.h>

#include <server/quoteboard.h>
#include <server/sse/resumebuffer.h>
#include <server/sse/sseevent.h>
#include <server/streamrequest.h>

#include <QList>

#include <optional>

namespace quotecast::CatchUp {

QByteArray events(const QByteArray &lastEventId, const QSet<QString> &symbols,
                  const QuoteBoard &board, const ResumeBuffer &resume, const QByteArray &runId,
                  qint64 maxReplayBytes)
{
    // A replay is sent at once: more than half the client's buffer (the hub's maxReplayBytes)
    // could leave more unsent than a client may owe, and cut it as too slow; it would come
    // back with the same id and be cut again. Such a client gets the snapshot, as for an id
    // too old.
    if (const std::optional<quint64> seq = StreamRequest::resumeSeq(lastEventId, runId)) {
        if (const std::optional<QByteArray> missed
            = resume.eventsAfter(*seq, symbols, maxReplayBytes))
            return *missed;
    }
    return snapshot(symbols, board, resume, runId);
}

QByteArray snapshot(const QSet<QString> &symbols, const QuoteBoard &board,
                    const ResumeBuffer &resume, const QByteArray &runId)
{
    QList<const Quote *> quotes;
    for (const Quote &quote : board.quotes()) {
        if (symbols.isEmpty() || symbols.contains(quote.symbol))
            quotes.append(&quote);
    }
    QByteArray events;
    for (const Quote *quote : std::as_const(quotes)) {
        const bool last = quote == quotes.constLast();
        events += SseEvent::quote(*quote,
                                  last ? SseEvent::eventId(runId, resume.lastSeq()) : QByteArray());
    }
    return events;
}

} // namespace quotecast::CatchUp
