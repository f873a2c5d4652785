// The preferences file (QSettings' INI format, ~/.config/quotecast/quotecast.conf): the saved
// interval and port, read through Preferences into the options (AppOptions::fromSettings), the
// address the window shows and the geometry it restores (QWidget::restoreGeometry). Input:
// the file, e.g. `[feed]\nintervalMs=500\n`.
#include "fuzztarget.h"

#include <app/appoptions.h>
#include <feed/marketsimulator.h>
#include <preferences/preferences.h>

#include <QApplication>
#include <QFile>
#include <QSettings>
#include <QWidget>

using namespace quotecast;

// A value written `@Variant(...)` is read by QDataStream, which in Qt 6.4 first reserves
// whatever length the file claims (this target found a list of 63 GB). A release build's malloc
// refuses it, or reserves memory that is never touched; Qt copes with either and the value
// reads as invalid (fuzzcorpus_preferences runs both inputs). Under ASan the shadow of such a
// reservation is real memory (2 GB of it for 16 GB asked), and a refusal aborts: here, a
// request past 512 MB gets null, as from a malloc that refuses. quotecast asks for nothing
// near that. Its other reports stay on.
extern "C" const char *__asan_default_options() // NOLINT(bugprone-reserved-identifier)
{
    return "allocator_may_return_null=1:max_allocation_size_mb=512";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    fuzz::ensureApplication<QApplication>();
    static QWidget window;
    // A file of its own each time: QSettings keeps what it read of a path, and may not notice
    // a rewrite within the file system's time resolution.
    static int count = 0;
    const QString path = fuzz::scratchDir() + QStringLiteral("/quotecast-%1.conf").arg(++count);
    const QByteArray input = fuzz::bytes(data, size);
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(input) != input.size())
            fuzz::fail("cannot write the scratch file", path.toUtf8());
    }
    {
        QSettings settings(path, QSettings::IniFormat);
        const Preferences preferences(settings);
        const AppOptions options = AppOptions::fromSettings(preferences);
        FUZZ_CHECK(options.intervalMs >= MarketSimulator::MinIntervalMs
                       && options.intervalMs <= MarketSimulator::MaxIntervalMs,
                   input);
        (void)preferences.windowAddress();
        window.restoreGeometry(preferences.windowGeometry());
    }
    QFile::remove(path);
    return 0;
}
