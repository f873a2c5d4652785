#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>

namespace quotecast {

class QuoteBoard;
class ResumeBuffer;

// What a new stream starts with after `retry:` and `event: status` (docs/protocol.md).
namespace CatchUp {

// The events a client that last saw `lastEventId` missed, when it is an id of run `runId`
// (`<run>-<seq>`, StreamRequest::resumeSeq) that `resume` still holds and they come to at
// most `maxReplayBytes`; else (another run, garbage, too old, too many) the snapshot of
// `board`. Only the `symbols` asked for (all when empty).
QByteArray events(const QByteArray &lastEventId, const QSet<QString> &symbols,
                  const QuoteBoard &board, const ResumeBuffer &resume, const QByteArray &runId,
                  qint64 maxReplayBytes);

// One unnamed quote event per symbol of `board` (of `symbols`, all when empty); the last
// carries the id of the latest tick (`resume`'s lastSeq), so that a browser reconnecting with
// Last-Event-ID resumes exactly after it.
QByteArray snapshot(const QSet<QString> &symbols, const QuoteBoard &board,
                    const ResumeBuffer &resume, const QByteArray &runId);

} // namespace CatchUp
} // namespace quotecast
