#include <replay/boundedlinereader.h>

#include <QIODevice>

#include <cstring>

namespace quotecast {

namespace {
constexpr qsizetype Capacity = 2 * BoundedLineReader::MaxLineBytes;
}

BoundedLineReader::BoundedLineReader(QIODevice *device)
    : m_device(device)
    , m_buffer(std::make_unique<char[]>(Capacity))
{ }

BoundedLineReader::~BoundedLineReader() = default;

BoundedLineReader::Status BoundedLineReader::readLine(QByteArrayView *line)
{
    if (m_failed != Status::Line)
        return m_failed;
    for (;;) {
        // A line break within the bound ends the line; past the bound there is no need to
        // look further: the line is too long whatever follows.
        const qsizetype available = m_end - m_start;
        const qsizetype scanned = qMin(available, MaxLineBytes + 1);
        const char *begin = m_buffer.get() + m_start;
        const auto *lineBreak
            = static_cast<const char *>(std::memchr(begin, '\n', size_t(scanned)));
        qsizetype length = -1;
        if (lineBreak) {
            length = lineBreak - begin;
            m_start += length + 1;
        } else if (available > MaxLineBytes) {
            ++m_lineNumber;
            return m_failed = Status::TooLong;
        } else if (m_atEnd) {
            if (available == 0)
                return Status::End;
            length = available; // the last line, without a line break
            m_start = m_end;
        }
        if (length >= 0) {
            ++m_lineNumber;
            if (length > 0 && begin[length - 1] == '\r')
                --length;
            *line = QByteArrayView(begin, length);
            return Status::Line;
        }
        // Keep the partial line, then fill the rest of the buffer: at most MaxLineBytes are
        // kept, so at least as much again is read.
        std::memmove(m_buffer.get(), begin, size_t(available));
        m_start = 0;
        m_end = available;
        const qint64 read = m_device->read(m_buffer.get() + m_end, Capacity - m_end);
        if (read < 0) {
            ++m_lineNumber;
            return m_failed = Status::ReadError;
        }
        m_atEnd = read == 0;
        m_end += read;
    }
}

bool BoundedLineReader::rewind()
{
    m_start = m_end = 0;
    m_lineNumber = 0;
    m_atEnd = false;
    m_failed = Status::Line;
    return m_device->seek(0);
}

} // namespace quotecast
