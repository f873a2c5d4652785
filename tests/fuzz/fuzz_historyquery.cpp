// GET /api/history's query (HistoryQuery::parse), without the history. Input: a request
// target, e.g. `/api/history?symbol=AAPL&since=0&after=42&limit=100`.
#include "fuzztarget.h"
#include "queries.h"

#include <feed/symbol.h>
#include <server/historyquery.h>

using quotecast::HistoryQuery;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray target = fuzz::bytes(data, size);
    const QStringList known = fuzz::knownSymbols();
    const auto parsed = HistoryQuery::parse(fuzz::queryOf(target), known);
    if (const auto *error = std::get_if<QString>(&parsed)) {
        FUZZ_CHECK(error->startsWith(QLatin1String("Bad request: ")), target);
        // What the client sent comes back cut at 32 characters: the 400 stays small.
        FUZZ_CHECK(error->size() <= 150 + known.join(u',').size(), target);
        return 0;
    }
    const auto &request = std::get<HistoryQuery>(parsed);
    FUZZ_CHECK(quotecast::symbol::normalized(request.symbol) == request.symbol, target);
    FUZZ_CHECK(request.since >= 0 && request.after >= 0, target);
    FUZZ_CHECK(request.limit >= 1 && request.limit <= HistoryQuery::MaxLimit, target);
    return 0;
}
