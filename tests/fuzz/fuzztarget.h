#pragma once

// What every fuzz target shares (README.md, "Fuzzing"): each target is one
// LLVMFuzzerTestOneInput, linked either with libFuzzer (the fuzz preset) or with replay.cpp,
// which runs the committed corpus and regressions through it as a test.

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace fuzz {

// Drops Qt's debug, info and warning messages (a warning per input is most of the run time);
// critical and fatal ones still print, and fatal still aborts.
void silenceQt();

// The application every target needs (QSqlDatabase, QSettings, timers), made on the first
// input and never destroyed: `Application` is QCoreApplication, or QApplication for widgets.
template<typename Application = QCoreApplication> void ensureApplication()
{
    if (QCoreApplication::instance())
        return;
    silenceQt();
    static int argc = 1;
    static char name[] = "quotecast-fuzz";
    static char *argv[] = { name, nullptr };
    new Application(argc, argv); // NOLINT(cppcoreguidelines-owning-memory): lives until exit
}

// A folder of this process's own for the files a target writes, in /dev/shm when there is
// one (a file system in memory: no disk wear, faster), removed at exit.
QString scratchDir();

// Writes `content` to `path` (in scratchDir()), whole, or stops the run.
void writeFile(const QString &path, const QByteArray &content);

// The input as bytes.
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// `input` cut at each `separator`, into at most `maxParts` parts (the last keeps the rest).
QList<QByteArray> split(const QByteArray &input, const QByteArray &separator, int maxParts);

// Stops the run with `what` and the input's part that shows it: the fuzzer saves the input.
[[noreturn]] void fail(const char *what, const QByteArray &detail = QByteArray());

} // namespace fuzz

// A property the code must have for every input: unlike assert(), also in release builds.
#define FUZZ_CHECK(condition, detail)                                                              \
    do {                                                                                           \
        if (!(condition))                                                                          \
            fuzz::fail(#condition, detail);                                                        \
    } while (false)
