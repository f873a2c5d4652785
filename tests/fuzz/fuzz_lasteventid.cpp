// The id a stream resumes after: the Last-Event-ID header or ?lastEventId= (StreamRequest::
// lastEventId), read as `<run>-<seq>` (StreamRequest::resumeSeq), and what the resume buffer
// replays after it, checked against a plain model of the buffer. Input: the header's value,
// a newline, then the request target: `lz3k9a1b-150\n/stream?symbols=AAPL`.
#include "fuzztarget.h"
#include "queries.h"

#include <server/sse/resumebuffer.h>
#include <server/sse/sseevent.h>
#include <server/streamrequest.h>

#include <QStringList>

#include <limits>
#include <optional>

using namespace quotecast;

namespace {

const QByteArray RunId = "lz3k9a1b"; // as newRunId() makes them
constexpr quint64 First = 100; // the buffer holds ticks First to Last
constexpr quint64 Last = 199;

struct Replay
{
    ResumeBuffer buffer { int(Last - First + 1) };
    QList<Quote> ticks;

    Replay()
    {
        const QStringList symbols = fuzz::knownSymbols();
        for (quint64 seq = 1; seq <= Last; ++seq) { // the first ones drop out
            const Quote tick { symbols.at(int(seq % quint64(symbols.size()))), qint64(10'000 + seq),
                               1, qint64(seq) * 1000, seq };
            buffer.append(seq, tick.symbol, SseEvent::quote(tick, SseEvent::eventId(RunId, seq)));
            if (seq >= First)
                ticks.append(tick);
        }
    }

    // What a client that saw `after` missed, the plain way: nothing to replay when it is
    // up to date, nullopt when the buffer does not reach back to it or it is from the future.
    std::optional<QByteArray> expected(quint64 after, const QSet<QString> &symbols,
                                       qint64 maxBytes) const
    {
        if (after == Last)
            return QByteArray();
        if (after > Last || after < First - 1)
            return std::nullopt;
        QByteArray events;
        for (const Quote &tick : ticks) {
            if (tick.seq > after && (symbols.isEmpty() || symbols.contains(tick.symbol)))
                events += SseEvent::quote(tick, SseEvent::eventId(RunId, tick.seq));
        }
        if (events.size() > maxBytes)
            return std::nullopt;
        return events;
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const Replay replay;
    const QByteArray input = fuzz::bytes(data, size);
    const QList<QByteArray> lines = fuzz::split(input, "\n", 2);
    const QUrlQuery query = fuzz::queryOf(lines.value(1));

    const QByteArray id = StreamRequest::lastEventId(lines.constFirst(), query);
    const std::optional<quint64> seq = StreamRequest::resumeSeq(id, RunId);
    if (!seq)
        return 0;
    // The id this server would write for that tick reads back as the same tick.
    FUZZ_CHECK(StreamRequest::resumeSeq(SseEvent::eventId(RunId, *seq), RunId) == seq, input);

    QString error;
    const QSet<QString> symbols = StreamRequest::symbolFilter(query, fuzz::knownSymbols(), &error);
    if (!error.isEmpty())
        return 0; // a 400: no stream
    for (const qint64 maxBytes : { std::numeric_limits<qint64>::max(), qint64(1000) }) {
        FUZZ_CHECK(replay.buffer.eventsAfter(*seq, symbols, maxBytes)
                       == replay.expected(*seq, symbols, maxBytes),
                   input);
    }
    return 0;
}
