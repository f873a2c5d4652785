#include "httpget.h"
#include "localhub.h"
#include "recordedfeed.h"
#include "sseclient.h"
#include <feed/pricetrail.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <memory>
#include <optional>

using namespace quotecast;

// The endpoints for programs (/api/quotes, /healthz, /metrics) on a real server, read with
// Qt's HTTP client. /api/history has tst_historyapi.
class TestEndpoints : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void quotesSnapshotHasEverySymbolWithItsTrail();
    void storedHistoryFillsTheTrails();
    void healthz();
    void metricsParseAsPrometheusText();
    void metricsCountClientsEventsAndBytes();
    void metricsFollowTheFeedStatus();

private:
    using Metrics = QHash<QString, double>;

    HttpAnswer get(const QString &path) { return httpGet(m_network, hub()->serverPort(), path); }
    // The samples of /metrics by name. Fails the test, and gives nothing, when /metrics does
    // not answer with Prometheus text (each sample a number announced by its TYPE line).
    std::optional<Metrics> metrics();
    // One sample of /metrics. Fails the test, and gives NaN (equal to nothing), when /metrics
    // cannot be read or has no such sample.
    double metric(const QString &name);
    MarketSimulator &market() const { return *m_pipeline->simulator(); }
    StreamHub *hub() const { return m_pipeline->hub(); }

    std::unique_ptr<FeedPipeline> m_pipeline;
    QNetworkAccessManager m_network;
};

// The app's pieces, a new feed (seeded) and a server.
void TestEndpoints::init()
{
    AppOptions options = localOptions();
    options.seed = 2026;
    m_pipeline = startLocalPipeline(options);
    QVERIFY(m_pipeline);
}

void TestEndpoints::cleanup()
{
    m_pipeline.reset();
}

std::optional<TestEndpoints::Metrics> TestEndpoints::metrics()
{
    const auto fail = [](const QString &why) {
        QTest::qFail(qPrintable(QStringLiteral("/metrics: ") + why), __FILE__, __LINE__);
        return std::nullopt;
    };
    const HttpAnswer reply = get(QStringLiteral("/metrics"));
    if (reply.status != 200)
        return fail(QStringLiteral("status %1").arg(reply.status));
    if (reply.contentType != "text/plain; version=0.0.4; charset=utf-8")
        return fail(QStringLiteral("Content-Type ") + QString::fromLatin1(reply.contentType));
    if (!reply.body.endsWith('\n'))
        return fail(QStringLiteral("the last line does not end"));
    // The text format: `# HELP name text`, `# TYPE name gauge|counter`, `name value`;
    // every sample announced by its TYPE line.
    static const QRegularExpression sample(
        QStringLiteral("^([a-zA-Z_:][a-zA-Z0-9_:]*) (-?[0-9.eE+-]+|NaN|[+-]Inf)$"));
    static const QRegularExpression type(
        QStringLiteral("^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (gauge|counter)$"));
    Metrics values;
    QSet<QString> typed;
    for (const QString &line : QString::fromUtf8(reply.body).split(u'\n', Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1String("# HELP ")))
            continue;
        if (const QRegularExpressionMatch match = type.match(line); match.hasMatch()) {
            typed.insert(match.captured(1));
            continue;
        }
        const QRegularExpressionMatch match = sample.match(line);
        if (!match.hasMatch() || !typed.contains(match.captured(1)))
            return fail(QStringLiteral("not a typed Prometheus sample: ") + line);
        bool ok = false;
        values.insert(match.captured(1), match.captured(2).toDouble(&ok));
        if (!ok)
            return fail(QStringLiteral("not a number: ") + line);
    }
    return values;
}

double TestEndpoints::metric(const QString &name)
{
    if (QTest::currentTestFailed())
        return qQNaN(); // the reason is told (a QTRY_COMPARE asks once more on its way out)
    const std::optional<Metrics> values = metrics();
    if (!values)
        return qQNaN();
    if (!values->contains(name)) {
        QTest::qFail(qPrintable(QStringLiteral("/metrics has no ") + name), __FILE__, __LINE__);
        return qQNaN();
    }
    return values->value(name);
}

void TestEndpoints::quotesSnapshotHasEverySymbolWithItsTrail()
{
    // An independent record of what each symbol's trail must hold.
    QHash<QString, PriceTrail> expected;
    for (const Quote &opening : market().quotes())
        expected[opening.symbol].add(opening);
    connect(&market(), &MarketSimulator::quoteUpdated, this,
            [&](const Quote &quote) { expected[quote.symbol].add(quote); });
    for (int i = 0; i < 300; ++i) // enough for some trails to pass their 60 prices
        market().tick();

    const HttpAnswer reply = get(QStringLiteral("/api/quotes"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.contentType, QByteArray("application/json"));
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(reply.body, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(root.value(u"running").toBool(), market().isRunning());
    QCOMPARE(root.value(u"intervalMs").toInt(), market().intervalMs());
    QCOMPARE(root.value(u"heartbeatMs").toInt(), localServerSettings().heartbeatMs);
    const QJsonArray quotes = root.value(u"quotes").toArray();
    QCOMPARE(quotes.size(), market().quotes().size());
    for (qsizetype i = 0; i < quotes.size(); ++i) {
        const Quote quote = market().quotes().at(i); // a copy: quotes() returns a temporary
        const PriceTrail &trail = expected[quote.symbol];
        const QJsonObject shown = quotes[i].toObject();
        const auto cents
            = [&](QStringView key) { return qRound64(shown.value(key).toDouble() * 100); };
        QCOMPARE(shown.value(u"symbol").toString(), quote.symbol);
        QCOMPARE(cents(u"price"), quote.priceCents);
        QCOMPARE(cents(u"change"), quote.changeCents);
        QCOMPARE(shown.value(u"ts").toInteger(), quote.timestampMs);
        QCOMPARE(cents(u"open"), trail.openCents());
        QCOMPARE(cents(u"high"), trail.highCents());
        QCOMPARE(cents(u"low"), trail.lowCents());
        QList<qint64> recent;
        for (const QJsonValue &price : shown.value(u"recent").toArray())
            recent.append(qRound64(price.toDouble() * 100));
        QCOMPARE(recent, trail.pricesCents());
        QVERIFY(recent.size() <= PriceTrail::DefaultCapacity);
    }
}

void TestEndpoints::storedHistoryFillsTheTrails()
{
    MarketSimulator earlier;
    earlier.setSeed(8);
    const QList<Quote> ticks = tickAndRecord(earlier, 30);
    FeedPipeline::primeHub(*hub(), earlier, ticks);

    const HttpAnswer reply = get(QStringLiteral("/api/quotes"));
    QCOMPARE(reply.status, 200);
    const QJsonArray quotes
        = QJsonDocument::fromJson(reply.body).object().value(u"quotes").toArray();
    QCOMPARE(quotes.size(), earlier.quotes().size());
    for (const QJsonValue &value : quotes) {
        const QJsonObject quote = value.toObject();
        QList<qint64> expected;
        for (const Quote &tick : std::as_const(ticks)) {
            if (tick.symbol == quote.value(u"symbol").toString())
                expected.append(tick.priceCents);
        }
        QList<qint64> recent;
        for (const QJsonValue &price : quote.value(u"recent").toArray())
            recent.append(qRound64(price.toDouble() * 100));
        QCOMPARE(recent, expected);
    }
}

void TestEndpoints::healthz()
{
    const HttpAnswer reply = get(QStringLiteral("/healthz"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray("ok\n"));
}

void TestEndpoints::metricsParseAsPrometheusText()
{
    const std::optional<Metrics> values = metrics();
    QVERIFY(values);
    const QStringList expected { "quotecast_clients",
                                 "quotecast_max_clients",
                                 "quotecast_events_published_total",
                                 "quotecast_events_sent_total",
                                 "quotecast_bytes_sent_total",
                                 "quotecast_slow_clients_dropped_total",
                                 "quotecast_clients_timed_out_total",
                                 "quotecast_uptime_seconds",
                                 "quotecast_feed_running",
                                 "quotecast_feed_interval_seconds" };
    for (const QString &name : expected)
        QVERIFY2(values->contains(name), qPrintable(name));
    QCOMPARE(values->value("quotecast_max_clients"), double(localServerSettings().maxClients));
    QVERIFY(values->value("quotecast_uptime_seconds") >= 0);
}

void TestEndpoints::metricsCountClientsEventsAndBytes()
{
    QCOMPARE(metric("quotecast_clients"), 0.0);
    const double sentBefore = metric("quotecast_events_sent_total");
    const double publishedBefore = metric("quotecast_events_published_total");
    const double bytesBefore = metric("quotecast_bytes_sent_total");
    if (QTest::currentTestFailed())
        return;

    const QString symbol = market().symbols().constFirst();
    SseClient all, oneSymbol;
    all.open(hub()->serverPort());
    oneSymbol.open(hub()->serverPort(), "/stream?symbols=" + symbol.toUtf8());
    QVERIFY(all.waitForHeaders());
    QVERIFY(oneSymbol.waitForHeaders());
    QTRY_COMPARE(metric("quotecast_clients"), 2.0);

    int ticksOfSymbol = 0;
    connect(&market(), &MarketSimulator::quoteUpdated, this,
            [&](const Quote &quote) { ticksOfSymbol += quote.symbol == symbol; });
    constexpr int ticks = 20;
    for (int i = 0; i < ticks; ++i)
        market().tick();
    QVERIFY(ticksOfSymbol > 0 && ticksOfSymbol < ticks); // the filter makes a difference
    // Each tick reaches the unfiltered client; only the symbol's reach the other one.
    QTRY_COMPARE(metric("quotecast_events_sent_total"), sentBefore + ticks + ticksOfSymbol);
    QCOMPARE(metric("quotecast_events_published_total"), publishedBefore + ticks);
    // At least every live event's bytes went out (heads and snapshots come on top).
    QTRY_VERIFY(all.body().size() > 0 && oneSymbol.body().size() > 0);
    QVERIFY(metric("quotecast_bytes_sent_total") - bytesBefore >= ticks * 60);

    all.socket().abort();
    QTRY_COMPARE(metric("quotecast_clients"), 1.0);
}

void TestEndpoints::metricsFollowTheFeedStatus()
{
    market().start();
    QTRY_COMPARE(metric("quotecast_feed_running"), 1.0);
    market().setIntervalMs(1500);
    QTRY_COMPARE(metric("quotecast_feed_interval_seconds"), 1.5);
    market().stop();
    QTRY_COMPARE(metric("quotecast_feed_running"), 0.0);
}

QTEST_GUILESS_MAIN(TestEndpoints)
#include "tst_endpoints.moc"
