#include <server/fanout/streamset.h>

namespace quotecast {

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
