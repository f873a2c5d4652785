#include <feed/runid.h>

#include <QDateTime>
#include <QRandomGenerator>

namespace quotecast {

QByteArray newRunId()
{
    // Milliseconds since the epoch in base 36, plus three random base-36 digits so that two
    // runs started in the same millisecond still differ.
    const int suffix = QRandomGenerator::global()->bounded(36 * 36 * 36);
    return QByteArray::number(QDateTime::currentMSecsSinceEpoch(), 36)
        + QByteArray::number(36 * 36 * 36 + suffix, 36).mid(1);
}

} // namespace quotecast
