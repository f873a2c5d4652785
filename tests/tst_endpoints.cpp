#include "localhub.h"
#include "recordedfeed.h"
#include "sseclient.h"
#include <feed/pricetrail.h>
#include <history/tickstore.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace quotecast;

// The endpoints for programs (/api/quotes, /healthz, /metrics) on a real StreamHub,
// read with Qt's HTTP client.
class TestEndpoints : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void quotesSnapshotHasEverySymbolWithItsTrail();
    void resumedHistoryFillsTheTrails();
    void historyPagesThroughTheStoredTicks();
    void historyFiltersByTime();
    void historyBadRequests_data();
    void historyBadRequests();
    void historyWithoutAFileIsUnavailable();
    void healthz();
    void metricsParseAsPrometheusText();
    void metricsCountClientsEventsAndBytes();
    void metricsFollowTheFeedStatus();

private:
    struct Reply
    {
        int status = 0;
        QByteArray contentType;
        QByteArray body;
        std::unique_ptr<QNetworkReply> raw;
    };
    Reply request(const QByteArray &verb, const QString &path,
                  const QByteArray &origin = QByteArray());
    // Metric name -> value; fails the test on a line that is not Prometheus text.
    QHash<QString, double> metrics();
    // The app's pieces (a new feed, seeded) with a server of these settings.
    void startHub(const ServerSettings &settings = localServerSettings());
    MarketSimulator &model() const { return *m_pipeline->simulator(); }
    StreamHub *hub() const { return m_pipeline->hub(); }

    std::unique_ptr<FeedPipeline> m_pipeline;
    QNetworkAccessManager m_network;
};

void TestEndpoints::startHub(const ServerSettings &settings)
{
    AppOptions options = localOptions(settings);
    options.seed = 2026;
    m_pipeline = startLocalPipeline(options);
    QVERIFY(m_pipeline);
}

void TestEndpoints::init()
{
    m_network.setProxy(QNetworkProxy::NoProxy);
    startHub();
}

void TestEndpoints::cleanup()
{
    m_pipeline.reset();
}

TestEndpoints::Reply TestEndpoints::request(const QByteArray &verb, const QString &path,
                                            const QByteArray &origin)
{
    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(hub()->serverPort()).arg(path)));
    if (!origin.isEmpty())
        request.setRawHeader("Origin", origin);
    Reply reply;
    // QNetworkAccessManager only knows that HEAD has no body through head().
    reply.raw.reset(verb == "HEAD" ? m_network.head(request)
                                   : m_network.sendCustomRequest(request, verb));
    if (!QTest::qWaitFor([&] { return reply.raw->isFinished(); }, 10000))
        return reply;
    reply.status = reply.raw->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply.contentType = reply.raw->rawHeader("Content-Type");
    reply.body = reply.raw->readAll();
    return reply;
}

QHash<QString, double> TestEndpoints::metrics()
{
    const Reply reply = request("GET", QStringLiteral("/metrics"));
    [&] {
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.contentType, QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        QVERIFY(reply.body.endsWith('\n'));
    }();
    // The text format: `# HELP name text`, `# TYPE name gauge|counter`, `name value`;
    // every sample announced by its TYPE line.
    static const QRegularExpression sample(
        QStringLiteral("^([a-zA-Z_:][a-zA-Z0-9_:]*) (-?[0-9.eE+-]+|NaN|[+-]Inf)$"));
    static const QRegularExpression type(
        QStringLiteral("^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (gauge|counter)$"));
    QHash<QString, double> values;
    QSet<QString> typed;
    for (const QString &line : QString::fromUtf8(reply.body).split(u'\n', Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1String("# HELP ")))
            continue;
        if (const QRegularExpressionMatch match = type.match(line); match.hasMatch()) {
            typed.insert(match.captured(1));
            continue;
        }
        const QRegularExpressionMatch match = sample.match(line);
        if (!match.hasMatch() || !typed.contains(match.captured(1))) {
            qWarning() << "not a typed Prometheus sample:" << line;
            return {};
        }
        bool ok = false;
        values.insert(match.captured(1), match.captured(2).toDouble(&ok));
        if (!ok)
            return {};
    }
    return values;
}

void TestEndpoints::quotesSnapshotHasEverySymbolWithItsTrail()
{
    // An independent record of what each symbol's trail must hold.
    QHash<QString, PriceTrail> expected;
    for (const Quote &opening : model().quotes())
        expected[opening.symbol].add(opening);
    connect(&model(), &MarketSimulator::quoteUpdated, this,
            [&](const Quote &quote) { expected[quote.symbol].add(quote); });
    for (int i = 0; i < 300; ++i) // enough for some trails to pass their 60 prices
        model().tick();

    const Reply reply = request("GET", QStringLiteral("/api/quotes"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.contentType, QByteArray("application/json"));
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(reply.body, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(root.value(u"running").toBool(), model().isRunning());
    QCOMPARE(root.value(u"intervalMs").toInt(), model().intervalMs());
    QCOMPARE(root.value(u"heartbeatMs").toInt(), localServerSettings().heartbeatMs);
    const QJsonArray quotes = root.value(u"quotes").toArray();
    QCOMPARE(quotes.size(), model().quotes().size());
    for (qsizetype i = 0; i < quotes.size(); ++i) {
        const Quote quote = model().quotes().at(i); // a copy: quotes() returns a temporary
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

void TestEndpoints::resumedHistoryFillsTheTrails()
{
    MarketSimulator earlier;
    earlier.setSeed(8);
    const QList<Quote> ticks = tickAndRecord(earlier, 30);
    FeedPipeline::primeHub(*hub(), earlier, ticks);

    const QJsonArray quotes
        = QJsonDocument::fromJson(request("GET", QStringLiteral("/api/quotes")).body)
              .object()
              .value(u"quotes")
              .toArray();
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

namespace {
// Ticks of a seeded feed, stored as quotecast stores them.
QList<Quote> storeTicks(const QString &path, int count)
{
    MarketSimulator model;
    model.setSeed(21);
    TickStore store;
    StoredFeed feed;
    if (!store.open(path, 30, 10, &feed))
        return {};
    QObject::connect(&model, &MarketSimulator::quoteUpdated, &store, &TickStore::append);
    const QList<Quote> ticks = tickAndRecord(model, count);
    store.flush();
    return ticks;
}

QList<Quote> ofSymbol(const QList<Quote> &ticks, const QString &symbol)
{
    QList<Quote> result;
    for (const Quote &tick : ticks) {
        if (tick.symbol == symbol)
            result.append(tick);
    }
    return result;
}

QList<Quote> ticksIn(const QJsonObject &page)
{
    QList<Quote> ticks;
    for (const QJsonValue &value : page.value(u"ticks").toArray()) {
        const QJsonObject tick = value.toObject();
        ticks.append({ page.value(u"symbol").toString(),
                       qRound64(tick.value(u"price").toDouble() * 100),
                       qRound64(tick.value(u"change").toDouble() * 100),
                       tick.value(u"ts").toInteger(), quint64(tick.value(u"seq").toInteger()) });
    }
    return ticks;
}
} // namespace

void TestEndpoints::historyPagesThroughTheStoredTicks()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ticks.sqlite"));
    const QList<Quote> ticks = storeTicks(path, 1000);
    QCOMPARE(ticks.size(), 1000);
    ServerSettings settings = localServerSettings();
    settings.historyFile = path;
    startHub(settings);

    // Following `next` from the first page of 70 gives every AAPL tick once, in order.
    const QList<Quote> expected = ofSymbol(ticks, QStringLiteral("AAPL"));
    QVERIFY(expected.size() > 150);
    QList<Quote> received;
    QString next = QStringLiteral("/api/history?symbol=aapl&limit=70");
    int pages = 0;
    while (!next.isEmpty() && pages < 100) {
        const Reply reply = request("GET", next);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.contentType, QByteArray("application/json"));
        const QJsonObject page = QJsonDocument::fromJson(reply.body).object();
        QCOMPARE(page.value(u"symbol").toString(), QStringLiteral("AAPL"));
        const QList<Quote> ticksOfPage = ticksIn(page);
        QVERIFY(ticksOfPage.size() <= 70);
        received += ticksOfPage;
        QCOMPARE(page.value(u"more").toBool(), page.contains(u"next"));
        next = page.value(u"next").toString();
        ++pages;
    }
    QCOMPARE(received, expected);
    QCOMPARE(pages, int((expected.size() + 69) / 70));
}

void TestEndpoints::historyFiltersByTime()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ticks.sqlite"));
    const QList<Quote> ticks = storeTicks(path, 300);
    ServerSettings settings = localServerSettings();
    settings.historyFile = path;
    startHub(settings);
    const QList<Quote> msft = ofSymbol(ticks, QStringLiteral("MSFT"));
    const Quote middle = msft.at(msft.size() / 2);
    QList<Quote> expected;
    for (const Quote &tick : msft) {
        if (tick.timestampMs >= middle.timestampMs)
            expected.append(tick);
    }
    const Reply reply = request(
        "GET", QStringLiteral("/api/history?symbol=MSFT&since=%1").arg(middle.timestampMs));
    QCOMPARE(reply.status, 200);
    QCOMPARE(ticksIn(QJsonDocument::fromJson(reply.body).object()), expected);
}

void TestEndpoints::historyBadRequests_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("no symbol") << ""
                               << "symbol";
    QTest::addRow("unknown symbol") << "symbol=NOPE"
                                    << "NOPE";
    QTest::addRow("limit zero") << "symbol=AAPL&limit=0"
                                << "limit";
    QTest::addRow("limit too big") << "symbol=AAPL&limit=10001"
                                   << "limit";
    QTest::addRow("since not a number") << "symbol=AAPL&since=yesterday"
                                        << "since";
    QTest::addRow("after negative") << "symbol=AAPL&after=-1"
                                    << "after";
}

void TestEndpoints::historyBadRequests()
{
    QFETCH(QString, query);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ticks.sqlite"));
    QVERIFY(!storeTicks(path, 10).isEmpty());
    ServerSettings settings = localServerSettings();
    settings.historyFile = path;
    startHub(settings);
    const Reply reply = request("GET", QStringLiteral("/api/history?") + query);
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.body.contains(mentions.toUtf8()), reply.body.constData());
}

void TestEndpoints::historyWithoutAFileIsUnavailable()
{
    const Reply reply = request("GET", QStringLiteral("/api/history?symbol=AAPL"));
    QCOMPARE(reply.status, 503);
    QVERIFY2(reply.body.contains("--in-memory"), reply.body.constData());
}

void TestEndpoints::healthz()
{
    const Reply reply = request("GET", QStringLiteral("/healthz"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray("ok\n"));
}

void TestEndpoints::metricsParseAsPrometheusText()
{
    const QHash<QString, double> values = metrics();
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
        QVERIFY2(values.contains(name), qPrintable(name));
    QCOMPARE(values.value("quotecast_max_clients"), double(localServerSettings().maxClients));
    QVERIFY(values.value("quotecast_uptime_seconds") >= 0);
}

void TestEndpoints::metricsCountClientsEventsAndBytes()
{
    const QHash<QString, double> before = metrics();
    QCOMPARE(before.value("quotecast_clients"), 0.0);

    SseClient all, aaplOnly;
    all.open(hub()->serverPort());
    aaplOnly.open(hub()->serverPort(), "/stream?symbols=AAPL");
    QVERIFY(all.waitForHeaders());
    QVERIFY(aaplOnly.waitForHeaders());
    QTRY_COMPARE(metrics().value("quotecast_clients"), 2.0);

    int aaplTicks = 0;
    connect(&model(), &MarketSimulator::quoteUpdated, this,
            [&](const Quote &quote) { aaplTicks += quote.symbol == u"AAPL"; });
    constexpr int ticks = 20;
    for (int i = 0; i < ticks; ++i)
        model().tick();
    QVERIFY(aaplTicks > 0 && aaplTicks < ticks); // the filter makes a difference
    // Each tick reaches the unfiltered client; only AAPL's reach the other one.
    const double sent = ticks + aaplTicks;
    QTRY_COMPARE(metrics().value("quotecast_events_sent_total"),
                 before.value("quotecast_events_sent_total") + sent);
    const QHash<QString, double> after = metrics();
    QCOMPARE(after.value("quotecast_events_published_total"),
             before.value("quotecast_events_published_total") + ticks);
    // At least every live event's bytes went out (heads and snapshots come on top).
    QTRY_VERIFY(all.body().size() > 0 && aaplOnly.body().size() > 0);
    QVERIFY(after.value("quotecast_bytes_sent_total") - before.value("quotecast_bytes_sent_total")
            >= ticks * 60);

    all.socket().abort();
    QTRY_COMPARE(metrics().value("quotecast_clients"), 1.0);
}

void TestEndpoints::metricsFollowTheFeedStatus()
{
    model().start();
    QTRY_COMPARE(metrics().value("quotecast_feed_running"), 1.0);
    model().setIntervalMs(1500);
    QTRY_COMPARE(metrics().value("quotecast_feed_interval_seconds"), 1.5);
    model().stop();
    QTRY_COMPARE(metrics().value("quotecast_feed_running"), 0.0);
}

QTEST_GUILESS_MAIN(TestEndpoints)
#include "tst_endpoints.moc"
