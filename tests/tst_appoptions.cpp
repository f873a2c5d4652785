#include <app/appoptions.h>
#include <preferences/preferences.h>

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace quotecast;

class TestAppOptions : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void validValues();
    void limits();
    void formerResumeBufferNameStillWorks();
    void historyOnDisk();
    void badValuesAreErrors_data();
    void badValuesAreErrors();
    void unitsAreRead_data();
    void unitsAreRead();
    void helpGivesUnitsAndDefaults();
    void helpAndVersion();
    void symbols_data();
    void symbols();
    void savedSettingsAreDefaultsTheCommandLineWins();
    void savedSettingsOutOfRangeAreIgnored();
};

namespace {
AppOptions parse(QStringList args, AppOptions::Outcome *outcome, QString *message)
{
    args.prepend(QStringLiteral("quotecast"));
    return AppOptions::parse(args, outcome, message);
}
} // namespace

void TestAppOptions::defaults()
{
    AppOptions::Outcome outcome;
    QString message;
    const AppOptions options = parse({}, &outcome, &message);
    QCOMPARE(outcome, AppOptions::Outcome::Run);
    QCOMPARE(options.server.port, quint16(8080));
    QCOMPARE(options.server.bindAddress, QHostAddress(QHostAddress::Any));
    QCOMPARE(options.intervalMs, 2000);
    QVERIFY(!options.seed);
    QVERIFY(!options.headless);
}

void TestAppOptions::validValues()
{
    AppOptions::Outcome outcome;
    QString message;
    const AppOptions options = parse(
        { "--headless", "--port", "0", "--bind", "127.0.0.1", "--interval", "100", "--seed", "99" },
        &outcome, &message);
    QCOMPARE(outcome, AppOptions::Outcome::Run);
    QVERIFY(options.headless);
    QCOMPARE(options.server.port, quint16(0));
    QCOMPARE(options.server.bindAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(options.intervalMs, 100);
    QCOMPARE(options.seed.value_or(0), 99u);
    QVERIFY(!options.paused);
    QVERIFY(parse({ "--paused" }, &outcome, &message).paused);
}

void TestAppOptions::limits()
{
    AppOptions::Outcome outcome;
    QString message;
    const AppOptions options
        = parse({ "--resume-buffer", "50", "--max-clients", "3", "--client-buffer", "4096",
                  "--heartbeat", "500", "--retry", "1500", "--cors-origin", "https://example.org",
                  "--request-timeout", "2000", "--idle-timeout", "7000" },
                &outcome, &message);
    QCOMPARE(outcome, AppOptions::Outcome::Run);
    QCOMPARE(options.server.resumeBufferSize, 50);
    QCOMPARE(options.server.maxClients, 3);
    QCOMPARE(options.server.clientBufferBytes, 4096);
    QCOMPARE(options.server.heartbeatMs, 500);
    QCOMPARE(options.server.retryMs, 1500);
    QCOMPARE(options.server.corsOrigin, QByteArray("https://example.org"));
    QCOMPARE(options.server.requestTimeoutMs, 2000);
    QCOMPARE(options.server.idleTimeoutMs, 7000);
    QVERIFY(options.server.publishUrl.isEmpty());

    const AppOptions relayed
        = parse({ "--publish", "http://127.0.0.1:8081/pub/quotes", "--publish-queue", "50" },
                &outcome, &message);
    QCOMPARE(outcome, AppOptions::Outcome::Run);
    QCOMPARE(relayed.server.publishUrl, QUrl(QStringLiteral("http://127.0.0.1:8081/pub/quotes")));
    QCOMPARE(relayed.server.publishQueue, 50);
}

void TestAppOptions::formerResumeBufferNameStillWorks()
{
    AppOptions::Outcome outcome;
    QString message;
    QCOMPARE(parse({ "--history", "50" }, &outcome, &message).server.resumeBufferSize, 50);
    QCOMPARE(outcome, AppOptions::Outcome::Run);
    // The new name wins over the former one.
    QCOMPARE(parse({ "--history", "50", "--resume-buffer", "70" }, &outcome, &message)
                 .server.resumeBufferSize,
             70);
    parse({ "--help" }, &outcome, &message);
    QVERIFY2(!message.contains(u"--history ") && message.contains(u"--resume-buffer"),
             qPrintable(message));
}

void TestAppOptions::historyOnDisk()
{
    AppOptions::Outcome outcome;
    QString message;
    const AppOptions defaults = parse({}, &outcome, &message);
    QVERIFY(defaults.historyFile.isEmpty()); // the user's data folder
    QCOMPARE(defaults.historyDays, 30);
    QVERIFY(!defaults.inMemory);
    const AppOptions options
        = parse({ "--history-file", "/tmp/t.sqlite", "--history-days", "2", "--in-memory" },
                &outcome, &message);
    QCOMPARE(outcome, AppOptions::Outcome::Run);
    QCOMPARE(options.historyFile, QStringLiteral("/tmp/t.sqlite"));
    QCOMPARE(options.historyDays, 2);
    QVERIFY(options.inMemory);
}

void TestAppOptions::badValuesAreErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("port too big") << QStringList { "--port", "70000" } << "--port";
    QTest::addRow("port not a number") << QStringList { "--port", "http" } << "--port";
    QTest::addRow("negative port") << QStringList { "--port=-1" } << "--port";
    QTest::addRow("bind not an address") << QStringList { "--bind", "example" } << "--bind";
    QTest::addRow("interval too small") << QStringList { "--interval", "1" } << "--interval";
    QTest::addRow("seed not a number") << QStringList { "--seed", "x" } << "--seed";
    QTest::addRow("unknown option") << QStringList { "--colour" } << "colour";
    QTest::addRow("stray argument") << QStringList { "8080" } << "8080";
    QTest::addRow("missing value") << QStringList { "--port" } << "port";
    QTest::addRow("resume buffer negative")
        << QStringList { "--resume-buffer", "-5" } << "--resume-buffer";
    QTest::addRow("max-clients zero") << QStringList { "--max-clients", "0" } << "--max-clients";
    QTest::addRow("client-buffer tiny")
        << QStringList { "--client-buffer", "10" } << "--client-buffer";
    QTest::addRow("heartbeat not a number")
        << QStringList { "--heartbeat", "soon" } << "--heartbeat";
    QTest::addRow("request timeout zero")
        << QStringList { "--request-timeout", "0" } << "--request-timeout";
    QTest::addRow("retry too big") << QStringList { "--retry", "99999999" } << "--retry";
    // Bare numbers are milliseconds and bytes: a value that is surely meant in seconds or KiB
    // says what to write instead of running with 3 ms.
    QTest::addRow("retry in seconds") << QStringList { "--retry", "3" } << "did you mean 3s?";
    QTest::addRow("heartbeat in seconds")
        << QStringList { "--heartbeat", "15" } << "did you mean 15s?";
    QTest::addRow("client-buffer in KiB")
        << QStringList { "--client-buffer", "256" } << "did you mean 256KiB?";
    QTest::addRow("client-buffer K suffix typo")
        << QStringList { "--client-buffer", "256X" } << "takes a size like";
    QTest::addRow("interval m is not minutes")
        << QStringList { "--interval", "2m" } << "takes a duration like";
    QTest::addRow("client-timeout too short")
        << QStringList { "--client-timeout", "500ms" } << "from 1s to 1h";
    QTest::addRow("resume buffer with a unit")
        << QStringList { "--resume-buffer", "10k" } << "--resume-buffer";
    QTest::addRow("former name, bad value")
        << QStringList { "--history", "-5" } << "--resume-buffer";
    QTest::addRow("cors origin with path")
        << QStringList { "--cors-origin", "https://example.org/page" } << "--cors-origin";
    QTest::addRow("cors origin not a url")
        << QStringList { "--cors-origin", "*" } << "--cors-origin";
    QTest::addRow("publish not a url") << QStringList { "--publish", "nchan" } << "--publish";
    QTest::addRow("publish ftp") << QStringList { "--publish", "ftp://h/pub" } << "--publish";
    QTest::addRow("publish queue zero")
        << QStringList { "--publish-queue", "0" } << "--publish-queue";
    QTest::addRow("history file empty") << QStringList { "--history-file=" } << "--history-file";
    QTest::addRow("history days zero") << QStringList { "--history-days", "0" } << "--history-days";
    QTest::addRow("symbols without price") << QStringList { "--symbols", "AAPL" } << "--symbols";
    QTest::addRow("symbols price not a number")
        << QStringList { "--symbols", "AAPL=abc" } << "AAPL=abc";
    QTest::addRow("symbols three decimals")
        << QStringList { "--symbols", "AAPL=1.234" } << "--symbols";
    QTest::addRow("symbols zero price") << QStringList { "--symbols", "AAPL=0" } << "AAPL";
    QTest::addRow("symbols negative price")
        << QStringList { "--symbols", "AAPL=-5" } << "--symbols";
    QTest::addRow("symbols duplicate")
        << QStringList { "--symbols", "AAPL=1,aapl=2" } << "appears twice";
    QTest::addRow("symbols empty item")
        << QStringList { "--symbols", "AAPL=1,,MSFT=2" } << "--symbols";
    QTest::addRow("symbols bad name") << QStringList { "--symbols", "<b>=1" } << "--symbols";
    QTest::addRow("symbols name too long")
        << QStringList { "--symbols", "ABCDEFGHIJK=1" } << "--symbols";
    QTest::addRow("symbols too many")
        << QStringList { "--symbols",
                         [] {
                             QStringList many;
                             for (int i = 0; i < 51; ++i)
                                 many.append(QStringLiteral("S%1=1").arg(i));
                             return many.join(u',');
                         }() }
        << "at most 50";
}

void TestAppOptions::badValuesAreErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    AppOptions::Outcome outcome;
    QString message;
    parse(args, &outcome, &message);
    QCOMPARE(outcome, AppOptions::Outcome::Error);
    QVERIFY2(message.contains(mentions), qPrintable(message));
    QVERIFY2(message.contains(u"--help"), "the error comes with the usage");
}

void TestAppOptions::unitsAreRead_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("intervalMs");
    QTest::addColumn<int>("heartbeatMs");
    QTest::addColumn<qint64>("clientBufferBytes");
    QTest::addColumn<int>("clientTimeoutMs");
    QTest::addRow("defaults") << QStringList {} << 2000 << 5000 << qint64(262'144) << 60'000;
    QTest::addRow("bare numbers keep their meaning")
        << QStringList { "--interval",      "250",  "--heartbeat",      "1500",
                         "--client-buffer", "4096", "--client-timeout", "30000" }
        << 250 << 1500 << qint64(4096) << 30'000;
    QTest::addRow("units") << QStringList { "--interval",      "500ms", "--heartbeat",      "15s",
                                            "--client-buffer", "1MiB",  "--client-timeout", "2min" }
                           << 500 << 15'000 << qint64(1'048'576) << 120'000;
    QTest::addRow("decimals and =") << QStringList { "--interval=0.5s", "--heartbeat=1.5s",
                                                     "--client-buffer=256K", "--client-timeout=1h" }
                                    << 500 << 1500 << qint64(262'144) << 3'600'000;
}

void TestAppOptions::unitsAreRead()
{
    QFETCH(QStringList, args);
    AppOptions::Outcome outcome;
    QString message;
    const AppOptions options = parse(args, &outcome, &message);
    QVERIFY2(outcome == AppOptions::Outcome::Run, qPrintable(message));
    QTEST(options.intervalMs, "intervalMs");
    QTEST(options.server.heartbeatMs, "heartbeatMs");
    QTEST(options.server.clientBufferBytes, "clientBufferBytes");
    QTEST(options.server.clientTimeoutMs, "clientTimeoutMs");
}

void TestAppOptions::helpGivesUnitsAndDefaults()
{
    AppOptions::Outcome outcome;
    QString message;
    parse({ "--help" }, &outcome, &message);
    QCOMPARE(outcome, AppOptions::Outcome::ShowHelp);
    // Each line of an option joined with its wrapped description, spaces collapsed.
    const QString help = message.simplified();
    for (const char *expected :
         { "--interval <duration> Time between ticks. Default: 2s.",
           "--heartbeat <duration> Time between heartbeat events. Default: 5s.",
           "--retry <duration> Reconnection delay advised to browsers. Default: 3s.",
           "Default: 256KiB.",
           // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): one line of --help, split
           "--resume-buffer <events> Events kept for resuming with Last-Event-ID. "
           "Default: 10000.",
           "A bare number is milliseconds or bytes." }) {
        QVERIFY2(help.contains(QLatin1StringView(expected)), expected);
    }
}

void TestAppOptions::helpAndVersion()
{
    AppOptions::Outcome outcome;
    QString message;
    parse({ "--help" }, &outcome, &message);
    QCOMPARE(outcome, AppOptions::Outcome::ShowHelp);
    QVERIFY(message.contains(u"--headless"));
    parse({ "--version" }, &outcome, &message);
    QCOMPARE(outcome, AppOptions::Outcome::ShowVersion);
}

void TestAppOptions::symbols_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("symbols");
    QTest::addColumn<QList<qint64>>("cents");
    QTest::addRow("the issue's example")
        << "AAPL=170,TSLA=240" << QStringList { "AAPL", "TSLA" } << QList<qint64> { 17000, 24000 };
    QTest::addRow("decimals, case, spaces")
        << " brk.b=412.5 , msft=250.07" << QStringList { "BRK.B", "MSFT" }
        << QList<qint64> { 41250, 25007 };
    QTest::addRow("one symbol") << "X=0.01" << QStringList { "X" } << QList<qint64> { 1 };
}

void TestAppOptions::symbols()
{
    QFETCH(QString, value);
    QFETCH(QStringList, symbols);
    QFETCH(QList<qint64>, cents);
    AppOptions::Outcome outcome;
    QString message;
    const AppOptions options = parse({ "--symbols", value }, &outcome, &message);
    QCOMPARE(outcome, AppOptions::Outcome::Run);
    QStringList parsedSymbols;
    QList<qint64> parsedCents;
    for (const MarketSimulator::Opening &opening : options.openings) {
        parsedSymbols.append(opening.symbol);
        parsedCents.append(opening.priceCents);
    }
    QCOMPARE(parsedSymbols, symbols);
    QCOMPARE(parsedCents, cents);
}

void TestAppOptions::savedSettingsAreDefaultsTheCommandLineWins()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("quotecast.conf")), QSettings::IniFormat);
    AppOptions last;
    last.intervalMs = 750;
    last.server.port = 9191;
    Preferences preferences(settings);
    last.saveTo(preferences);
    const AppOptions saved = AppOptions::fromSettings(preferences);
    QCOMPARE(saved.intervalMs, 750);
    QCOMPARE(saved.server.port, quint16(9191));

    AppOptions::Outcome outcome;
    QString message;
    const QStringList program { QStringLiteral("quotecast") };
    const AppOptions nothingGiven = AppOptions::parse(program, &outcome, &message, saved);
    QCOMPARE(outcome, AppOptions::Outcome::Run);
    QCOMPARE(nothingGiven.intervalMs, 750);
    QCOMPARE(nothingGiven.server.port, quint16(9191));
    const AppOptions portGiven
        = AppOptions::parse(program + QStringList { "--port", "8088" }, &outcome, &message, saved);
    QCOMPARE(portGiven.server.port, quint16(8088));
    QCOMPARE(portGiven.intervalMs, 750);
    const AppOptions intervalGiven = AppOptions::parse(
        program + QStringList { "--interval", "300" }, &outcome, &message, saved);
    QCOMPARE(intervalGiven.intervalMs, 300);
    QCOMPARE(intervalGiven.server.port, quint16(9191));
}

void TestAppOptions::savedSettingsOutOfRangeAreIgnored()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("quotecast.conf")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("feed/intervalMs"), 1);
    settings.setValue(QStringLiteral("server/port"), QStringLiteral("eighty"));
    const AppOptions saved = AppOptions::fromSettings(Preferences(settings));
    QCOMPARE(saved.intervalMs, AppOptions().intervalMs);
    QCOMPARE(saved.server.port, AppOptions().server.port);
}

QTEST_GUILESS_MAIN(TestAppOptions)
#include "tst_appoptions.moc"
