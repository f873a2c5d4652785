#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <memory>

class QIODevice;

namespace quotecast {

// Reads a device line by line in chunks of at most MaxLineBytes, so that memory stays at
// 2 × MaxLineBytes whatever the file holds: a line longer than that is reported after reading
// MaxLineBytes of it, never held whole (a 2 GB file of one line costs 128 KiB).
class BoundedLineReader
{
public:
    static constexpr qsizetype MaxLineBytes = 64 * 1024;

    enum class Status {
        Line, // `line` holds the next line
        End, // no more lines
        TooLong, // the next line has more than MaxLineBytes before its line break
        ReadError, // the device failed (its errorString() says why)
    };

    // Reads `device` (open for reading, not owned) from where it stands.
    explicit BoundedLineReader(QIODevice *device);
    ~BoundedLineReader();
    BoundedLineReader(const BoundedLineReader &) = delete;
    BoundedLineReader &operator=(const BoundedLineReader &) = delete;

    // The next line, without its `\n` nor a `\r` before it; valid until the next call. The last
    // line needs no line break. After TooLong or ReadError, the reader stays there.
    Status readLine(QByteArrayView *line);
    // The number of the line last read (or that failed), from 1.
    qint64 lineNumber() const { return m_lineNumber; }
    // Back to the device's start (seek(0)): false when it cannot seek.
    bool rewind();

private:
    QIODevice *m_device;
    std::unique_ptr<char[]> m_buffer; // 2 × MaxLineBytes
    qsizetype m_start = 0; // the unread bytes are [m_start, m_end)
    qsizetype m_end = 0;
    qint64 m_lineNumber = 0;
    bool m_atEnd = false; // the device has nothing more
    Status m_failed = Status::Line; // TooLong or ReadError once failed
};

} // namespace quotecast
