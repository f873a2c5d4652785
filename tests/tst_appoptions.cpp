#include "appoptions.h"

#include <QTest>

using namespace quotecast;

class TestAppOptions : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void validValues();
    void limits();
    void badValuesAreErrors_data();
    void badValuesAreErrors();
    void helpAndVersion();
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
}

void TestAppOptions::limits()
{
    AppOptions::Outcome outcome;
    QString message;
    const AppOptions options
        = parse({ "--history", "50", "--max-clients", "3", "--client-buffer", "4096", "--heartbeat",
                  "500", "--retry", "1500", "--cors-origin", "https://example.org",
                  "--request-timeout", "2000", "--idle-timeout", "7000" },
                &outcome, &message);
    QCOMPARE(outcome, AppOptions::Outcome::Run);
    QCOMPARE(options.server.historySize, 50);
    QCOMPARE(options.server.maxClients, 3);
    QCOMPARE(options.server.clientBufferBytes, 4096);
    QCOMPARE(options.server.heartbeatMs, 500);
    QCOMPARE(options.server.retryMs, 1500);
    QCOMPARE(options.server.corsOrigin, QByteArray("https://example.org"));
    QCOMPARE(options.server.requestTimeoutMs, 2000);
    QCOMPARE(options.server.idleTimeoutMs, 7000);
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
    QTest::addRow("history negative") << QStringList { "--history", "-5" } << "--history";
    QTest::addRow("max-clients zero") << QStringList { "--max-clients", "0" } << "--max-clients";
    QTest::addRow("client-buffer tiny")
        << QStringList { "--client-buffer", "10" } << "--client-buffer";
    QTest::addRow("heartbeat not a number")
        << QStringList { "--heartbeat", "soon" } << "--heartbeat";
    QTest::addRow("request timeout zero")
        << QStringList { "--request-timeout", "0" } << "--request-timeout";
    QTest::addRow("retry too big") << QStringList { "--retry", "99999999" } << "--retry";
    QTest::addRow("cors origin with path")
        << QStringList { "--cors-origin", "https://example.org/page" } << "--cors-origin";
    QTest::addRow("cors origin not a url")
        << QStringList { "--cors-origin", "*" } << "--cors-origin";
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

QTEST_GUILESS_MAIN(TestAppOptions)
#include "tst_appoptions.moc"
