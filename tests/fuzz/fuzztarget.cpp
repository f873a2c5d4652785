#include "fuzztarget.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

namespace fuzz {

namespace {
void quietHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtDebugMsg || type == QtInfoMsg || type == QtWarningMsg)
        return;
    std::fprintf(stderr, "%s\n", qPrintable(message));
    if (type == QtFatalMsg)
        std::abort();
}
} // namespace

void silenceQt()
{
    qInstallMessageHandler(quietHandler);
}

QString scratchDir()
{
    static QTemporaryDir dir(QDir(QStringLiteral("/dev/shm")).exists()
                                 ? QStringLiteral("/dev/shm/quotecast-fuzz-XXXXXX")
                                 : QDir::tempPath() + QStringLiteral("/quotecast-fuzz-XXXXXX"));
    if (!dir.isValid())
        fail("no scratch folder", dir.errorString().toUtf8());
    return dir.path();
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        fail("cannot write the scratch file", path.toUtf8());
}

QList<QByteArray> split(const QByteArray &input, const QByteArray &separator, int maxParts)
{
    QList<QByteArray> parts;
    qsizetype from = 0;
    while (parts.size() < maxParts - 1) {
        const qsizetype at = input.indexOf(separator, from);
        if (at < 0)
            break;
        parts.append(input.mid(from, at - from));
        from = at + separator.size();
    }
    parts.append(input.mid(from));
    return parts;
}

void fail(const char *what, const QByteArray &detail)
{
    // Percent-encoded, and at most the last 600 bytes of it: the fuzzer saves the whole input.
    const QByteArray shown = detail.size() > 600 ? "..." + detail.right(600) : detail;
    std::fprintf(stderr, "fuzz check failed: %s\n  with: %s\n", what,
                 shown.toPercentEncoding(" /:=,&?-_.+").constData());
    std::abort();
}

} // namespace fuzz
