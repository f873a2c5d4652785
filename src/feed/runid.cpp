#include <feed/runid.h>

#include <QDateTime>
#include <QRandomGenerator>

#include <algorithm>

namespace quotecast {

QByteArray newRunId()
{
    // Milliseconds since the epoch in base 36, plus three random base-36 digits so that two
    // runs started in the same millisecond still differ.
    const int suffix = QRandomGenerator::global()->bounded(36 * 36 * 36);
    return QByteArray::number(QDateTime::currentMSecsSinceEpoch(), 36)
        + QByteArray::number(36 * 36 * 36 + suffix, 36).mid(1);
}

bool isRunId(const QByteArray &id)
{
    return !id.isEmpty() && id.size() <= 32 && std::all_of(id.cbegin(), id.cend(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
    });
}

} // namespace quotecast
