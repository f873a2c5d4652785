// RequestFramer, what cuts a connection's bytes into requests and checks each head (the request
// guard, GuardedSocket): whole heads, pipelined ones, and the same bytes delivered whole, one
// byte at a time and in chunks of 7 must give the same requests, refused at the same point. Each,
// with the server's limits and with small ones that the fuzzer reaches. Every request is also
// read as the direct path does (StreamRequest::directStream, GuardedTcpServer), which may take
// only a GET of /stream that leaves the connection open. Input: what a client sends on one
// connection, e.g. `GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n` twice.
#include "fuzztarget.h"

#include <server/requestframer.h>
#include <server/streamrequest.h>

#include <algorithm>

using namespace quotecast;
using Framer = RequestFramer;

namespace {

// What next() gave, one item a line, to compare deliveries and to show. A refusal that closes
// is compared by that alone: how much of a bad head was seen may decide which one it gets
// (`GET /healthz H<200 bytes>TTP/1.1` whole is a 400 for its version, trickled a 414 once the
// line is past the limit; `get / HTTP/1.1` a 501 whole, a 400 from its first byte).
QByteArray describe(const Framer::Item &item)
{
    if (const auto *refusal = std::get_if<Framer::Refusal>(&item)) {
        return refusal->closes
            ? QByteArray("refused, closes\n")
            : QByteArray::number(refusal->status) + ": " + refusal->message + '\n';
    }
    const auto &request = std::get<Framer::Request>(item);
    return request.method + ' ' + request.target + ' ' + QByteArray::number(request.headerCount)
        + (request.closeAfter ? " closes " : " ") + request.bytes.toPercentEncoding() + '\n';
}

// What the direct path reads of `request`: a stream only for a GET of /stream, with a query or
// not, on a connection that stays open; the two fields it reads as one line each, without the
// spaces around them, as Qt's parser reads them (a bare CR inside a value is kept by both).
void checkDirectStream(const Framer::Request &request)
{
    const std::optional<StreamRequest::DirectStream> stream = StreamRequest::directStream(request);
    if (!stream)
        return;
    FUZZ_CHECK(request.method == "GET", describe(request));
    FUZZ_CHECK(request.target == "/stream" || request.target.startsWith("/stream?"),
               describe(request));
    FUZZ_CHECK(!request.closeAfter, describe(request));
    for (const QByteArray &value : { stream->lastEventIdField, stream->origin }) {
        FUZZ_CHECK(value == value.trimmed() && !value.contains('\n') && !value.contains('\r'),
                   describe(request)); // the framer refuses a bare CR (RFC 9112 §2.2)
    }
}

// The items of `input` given to a framer `chunk` bytes at a time, taking every item after each
// chunk as GuardedSocket does; each item is checked on the way.
QByteArray frame(const QByteArray &input, const Framer::Limits &limits, qsizetype chunk)
{
    Framer framer(limits);
    QByteArray items;
    for (qsizetype at = 0; at < input.size(); at += chunk) {
        framer.append(input.mid(at, chunk));
        while (const std::optional<Framer::Item> item = framer.next()) {
            FUZZ_CHECK(!framer.isFinished() || !framer.next(), input); // nothing after the end
            if (const auto *refusal = std::get_if<Framer::Refusal>(&*item)) {
                static const QList<int> statuses { 400, 404, 413, 414, 417, 431, 501, 505 };
                FUZZ_CHECK(statuses.contains(refusal->status), describe(*item));
                FUZZ_CHECK(!refusal->message.isEmpty() && !refusal->message.contains('\n')
                               && !refusal->message.contains('\r'),
                           describe(*item));
                FUZZ_CHECK(refusal->closes == framer.isFinished(), describe(*item));
            } else {
                const auto &request = std::get<Framer::Request>(*item);
                // One request's bytes, a head ending in its empty line and a body it announced:
                // at most the head (twice over, LF-only lines rewritten with CRLF) and a body.
                FUZZ_CHECK(request.bytes.contains("\n\r\n") || request.bytes.contains("\n\n"),
                           describe(*item));
                FUZZ_CHECK(request.bytes.size()
                               <= 2 * limits.maxHeadBytes + 32 + limits.maxBodyBytes,
                           describe(*item));
                FUZZ_CHECK(request.target.size() <= limits.maxTargetBytes, describe(*item));
                FUZZ_CHECK(request.target.startsWith('/') || request.target.startsWith("http://"),
                           describe(*item));
                FUZZ_CHECK(!request.target.startsWith("//"), describe(*item));
                FUZZ_CHECK(request.closeAfter == framer.isFinished(), describe(*item));
                checkDirectStream(request);
            }
            items += describe(*item);
        }
        // Bounded: what it keeps while waiting for more is at most one head and its body.
        FUZZ_CHECK(framer.bufferedBytes() <= limits.maxHeadBytes + limits.maxBodyBytes, input);
    }
    return items;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    for (const Framer::Limits &limits : { Framer::Limits {}, Framer::Limits { 300, 100, 200 } }) {
        const QByteArray whole = frame(input, limits, std::max<qsizetype>(input.size(), 1));
        FUZZ_CHECK(frame(input, limits, 1) == whole, input);
        FUZZ_CHECK(frame(input, limits, 7) == whole, input);
    }
    return 0;
}
