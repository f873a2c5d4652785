// GET /stream's `symbols=` (StreamRequest::symbolFilter). Input: a request target, e.g.
// `/stream?symbols=AAPL,msft`.
#include "fuzztarget.h"
#include "queries.h"

#include <feed/symbol.h>
#include <server/streamrequest.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray target = fuzz::bytes(data, size);
    const QUrlQuery query = fuzz::queryOf(target);
    const QStringList known = fuzz::knownSymbols();
    QString error;
    const QSet<QString> symbols = quotecast::StreamRequest::symbolFilter(query, known, &error);
    if (!error.isEmpty()) {
        FUZZ_CHECK(symbols.isEmpty(), target);
        FUZZ_CHECK(error.startsWith(QLatin1String("Bad request: ")), target);
        return 0;
    }
    FUZZ_CHECK(query.hasQueryItem(QStringLiteral("symbols")) || symbols.isEmpty(), target);
    // Any symbol, the feed's or not (a filter is a set of names), as the feed spells them.
    for (const QString &symbol : symbols)
        FUZZ_CHECK(quotecast::symbol::normalized(symbol) == symbol, target);
    return 0;
}
