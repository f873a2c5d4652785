#include <server/fanout/streamset.h>

#include <limits>

#include <QtGlobal>

namespace quotecast {

int StreamSet::kernelSendBufferBytes(qint64 maxPendingBytes)
{
    // Why an eighth, measured on loopback (bench/kernelmem.sh, tst_streamlimits): a client
    // that keeps up owes next to nothing, so the buffer only has to carry what is in flight,
    // a stream's rate times the round trip: at 100 events/s (about 11 KB/s) and 100 ms, 1.1 KB.
    // The default 256 KiB gives 32 KiB (64 KiB in Linux's count), the smallest useful cap
    // (16 KiB) 2 KiB, which Linux raises to its minimum: 3.8 KB in flight, 38 KB/s at 100 ms.
    // The rest of the cap stays in the fan-out's queue, where bytes are references to the
    // event bytes every client shares; in the kernel each stalled byte costs 1.5 bytes of
    // memory (skb overhead), and a reader that stops is cut as soon.
    return int(qBound(qint64(1), maxPendingBytes / 8, qint64(std::numeric_limits<int>::max())));
}

void StreamSet::reportSize()
{
    m_sizeReportScheduled = false;
    const int current = size();
    if (current != m_reportedSize) {
        m_reportedSize = current;
        emit sizeChanged(current);
    }
}

void StreamSet::scheduleSizeReport()
{
    if (!m_sizeReportScheduled.exchange(true))
        QMetaObject::invokeMethod(this, &StreamSet::reportSize, Qt::QueuedConnection);
}

} // namespace quotecast
