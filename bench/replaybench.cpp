// The replay reader's costs: how fast PriceReplay checks a file when it opens it and plays its
// rows after, and what memory that takes, on files of 100,000 and of a million rows (Yahoo
// Finance's download, and quotecast's export of four symbols), written first in a temporary
// folder (so they are read from the page cache). Memory is the process's peak (VmHWM, Linux),
// before and after each replay: it should not grow with the file. Linux updates it in steps of
// up to 64 pages per thread, so it is good to about 256 KiB.
//
//   build/bench/replaybench [--rows N] [--dir PATH]
#include <replay/pricereplay.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace quotecast;

namespace {

// The process's peak resident memory in KiB (0 where /proc does not tell).
qint64 peakKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (QByteArray line = status.readLine(); !line.isEmpty(); line = status.readLine()) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return 0;
}

// A random walk in cents, written as Yahoo writes a close (6 decimals) or the export a price.
qint64 walk(QRandomGenerator &random, qint64 cents)
{
    return std::max<qint64>(1'00, cents + qint64(random.bounded(-50, 51)));
}

QByteArray dollars(qint64 cents, int decimals)
{
    return QByteArray::number(cents / 100) + '.'
        + QByteArray::number(cents % 100).rightJustified(2, '0') + QByteArray(decimals - 2, '0');
}

// Writes `rows` rows a line at a time (nothing held but the line): a Yahoo Finance download,
// one row a day from the year 1000 on, or an export of four symbols, a tick every 100 ms.
bool writeFile(const QString &path, int rows, bool yahoo)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QRandomGenerator random(1);
    qint64 cents[] = { 185'64, 370'60, 238'45, 141'80 };
    const char *symbols[] = { "AAPL", "MSFT", "TSLA", "GOOG" };
    file.write(yahoo ? "Date,Open,High,Low,Close,Adj Close,Volume\n"
                     : "seq,time,symbol,price,change\n");
    const QDate first(1000, 1, 1);
    const QDateTime start(QDate(2026, 11, 30), QTime(9, 30), Qt::UTC);
    for (int i = 0; i < rows; ++i) {
        const int s = yahoo ? 0 : int(random.bounded(4));
        const qint64 before = cents[s];
        cents[s] = walk(random, before);
        const QByteArray price = dollars(cents[s], yahoo ? 6 : 2);
        if (yahoo) {
            file.write(first.addDays(i).toString(Qt::ISODate).toLatin1() + ',' + price + ',' + price
                       + ',' + price + ',' + price + ',' + price + ",82488700\n");
        } else {
            const qint64 change = cents[s] - before;
            file.write(QByteArray::number(i + 1) + ','
                       + start.addMSecs(qint64(i) * 100).toString(Qt::ISODateWithMs).toLatin1()
                       + ',' + symbols[s] + ',' + price + ',' + (change < 0 ? "-" : "")
                       + dollars(qAbs(change), 2) + '\n');
        }
    }
    return file.error() == QFileDevice::NoError;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Costs of the replay reader."));
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"),
                                        QStringLiteral("Rows of the larger files."),
                                        QStringLiteral("count"), QStringLiteral("1000000"));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("Folder for the files (default: a "
                                                      "temporary one)."),
                                       QStringLiteral("path"));
    parser.addOptions({ rowsOption, dirOption });
    parser.process(app);
    bool ok = false;
    const int rows = parser.value(rowsOption).toInt(&ok);
    if (!ok || rows < 1000) {
        QTextStream(stderr) << "replaybench: --rows must be a number of at least 1000\n";
        return 2;
    }
    QTemporaryDir temporary(parser.isSet(dirOption) ? parser.value(dirOption) + "/qc-XXXXXX"
                                                    : QString());
    struct Case
    {
        const char *name;
        int rows;
        bool yahoo;
        QString path;
    };
    QList<Case> cases = { { "Yahoo Finance", rows / 10, true, {} },
                          { "Yahoo Finance", rows, true, {} },
                          { "quotecast export", rows / 10, false, {} },
                          { "quotecast export", rows, false, {} } };
    for (Case &c : cases) { // all written first, so that only the replays are measured
        c.path = temporary.filePath(
            QStringLiteral("%1_%2.csv").arg(c.yahoo ? "AAPL" : "ticks").arg(c.rows));
        if (!writeFile(c.path, c.rows, c.yahoo)) {
            QTextStream(stderr) << "replaybench: cannot write " << c.path << '\n';
            return 1;
        }
    }

    QTextStream out(stdout);
    out << "| file | rows | size | check (open) | play (next) | peak memory before → after |\n"
           "|---|---|---|---|---|---|\n";
    const auto rate = [](qint64 count, qint64 ns) {
        return QString::number(double(count) * 1e3 / double(std::max<qint64>(ns, 1)), 'f', 2)
            + QStringLiteral(" M rows/s");
    };
    for (const Case &c : std::as_const(cases)) {
        const qint64 before = peakKiB();
        QElapsedTimer timer;
        timer.start();
        PriceReplay replay;
        QString error;
        if (!replay.open({ c.path }, &error)) {
            QTextStream(stderr) << "replaybench: " << error << '\n';
            return 1;
        }
        const qint64 checkNs = timer.nsecsElapsed();
        timer.restart();
        qint64 played = 0;
        qint64 sum = 0; // so that nothing is optimized away
        while (const std::optional<ReplayRow> row = replay.next()) {
            ++played;
            sum += row->priceCents;
        }
        const qint64 playNs = timer.nsecsElapsed();
        if (played != c.rows || !replay.errorString().isEmpty() || sum <= 0) {
            QTextStream(stderr) << "replaybench: played " << played << " rows of " << c.rows << ' '
                                << replay.errorString() << '\n';
            return 1;
        }
        const qint64 after = peakKiB();
        const qint64 size = QFileInfo(c.path).size();
        out << "| " << c.name << " | " << c.rows << " | "
            << QString::number(double(size) / (1 << 20), 'f', 1) << " MiB | "
            << rate(c.rows, checkNs) << " (" << checkNs / 1'000'000 << " ms) | "
            << rate(c.rows, playNs) << " (" << playNs / 1'000'000 << " ms) | " << before << " → "
            << after << " KiB (+" << after - before << ") |\n";
    }
    return 0;
}
