#include "httpget.h"
#include "localhub.h"
#include "recordedfeed.h"
#include "sseclient.h"
#include <history/tickstore.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>
#include <optional>

using namespace quotecast;

// GET /api/history on a real server over a real history file, read with Qt's HTTP client:
// paging through a symbol's stored ticks, the time filter, the 400s, and the 503 of a server
// that keeps no history.
class TestHistoryApi : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();

    void historyPagesThroughTheStoredTicks();
    void historyFiltersByTime();
    void historyBadRequests_data();
    void historyBadRequests();
    void historyOfASymbolWithoutTicksIsEmpty();
    void historyWithoutAFileIsUnavailable();
    void aSlowPageHoldsUpNoNewStream();
    void aSlowPageKeepsItsConnectionsOrder();
    void pagesBeingReadAreBoundedAndThoseOfGoneClientsSkipped();

private:
    HttpAnswer get(const QString &path) { return httpGet(m_network, hub()->serverPort(), path); }
    // The app's pieces (a new feed, seeded) with a server of these settings; false (and the
    // test failed, with the reason) when it cannot listen.
    bool startHub(const ServerSettings &settings = localServerSettings());
    // Writes `count` ticks of a seeded feed to a new history file, as quotecast stores them,
    // and starts the server on it. The ticks, in order; fails the test, and gives nothing,
    // when the file cannot be written or the server cannot listen.
    std::optional<QList<Quote>> serveStoredTicks(int count);
    MarketSimulator &market() const { return *m_pipeline->simulator(); }
    StreamHub *hub() const { return m_pipeline->hub(); }

    std::unique_ptr<FeedPipeline> m_pipeline;
    std::unique_ptr<QTemporaryDir> m_historyDir;
    QNetworkAccessManager m_network;
};

bool TestHistoryApi::startHub(const ServerSettings &settings)
{
    AppOptions options = localOptions(settings);
    options.seed = 2026;
    m_pipeline = startLocalPipeline(options);
    return m_pipeline != nullptr;
}

void TestHistoryApi::cleanup()
{
    m_pipeline.reset();
    m_historyDir.reset();
}

std::optional<QList<Quote>> TestHistoryApi::serveStoredTicks(int count)
{
    m_historyDir = std::make_unique<QTemporaryDir>();
    ServerSettings settings = localServerSettings();
    settings.historyFile = m_historyDir->filePath(QStringLiteral("ticks.sqlite"));
    MarketSimulator feed;
    feed.setSeed(21);
    auto store = std::make_unique<TickStore>();
    QSignalSpy writeFailed(store.get(), &TickStore::writeFailed);
    StoredFeed stored;
    if (!store->open(settings.historyFile, 30, 10, &stored)) {
        QTest::qFail(qPrintable(store->errorString()), __FILE__, __LINE__);
        return std::nullopt;
    }
    connect(&feed, &MarketSimulator::quoteUpdated, store.get(), &TickStore::append);
    const QList<Quote> ticks = tickAndRecord(feed, count);
    store.reset(); // writes what it buffered and closes the file
    if (!writeFailed.isEmpty()) {
        QTest::qFail(qPrintable(writeFailed.constFirst().constFirst().toString()), __FILE__,
                     __LINE__);
        return std::nullopt;
    }
    if (!startHub(settings))
        return std::nullopt;
    return ticks;
}

namespace {
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

void TestHistoryApi::historyPagesThroughTheStoredTicks()
{
    const std::optional<QList<Quote>> ticks = serveStoredTicks(1000);
    QVERIFY(ticks);
    QCOMPARE(ticks->size(), 1000);

    // Following `next` from the first page gives every tick of the symbol (named in lower
    // case) once, in order.
    constexpr int limit = 70;
    const QString symbol = market().symbols().constFirst();
    const QList<Quote> expected = ofSymbol(*ticks, symbol);
    QVERIFY2(expected.size() > 2 * limit, qPrintable(symbol)); // several pages
    QList<Quote> received;
    QString next
        = QStringLiteral("/api/history?symbol=%1&limit=%2").arg(symbol.toLower()).arg(limit);
    int pages = 0;
    while (!next.isEmpty() && pages < 100) {
        const HttpAnswer reply = get(next);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.contentType, QByteArray("application/json"));
        const QJsonObject page = QJsonDocument::fromJson(reply.body).object();
        QCOMPARE(page.value(u"symbol").toString(), symbol);
        const QList<Quote> ticksOfPage = ticksIn(page);
        QVERIFY(ticksOfPage.size() <= limit);
        received += ticksOfPage;
        QCOMPARE(page.value(u"more").toBool(), page.contains(u"next"));
        next = page.value(u"next").toString();
        ++pages;
    }
    QCOMPARE(received, expected);
    QCOMPARE(pages, int((expected.size() + limit - 1) / limit));
}

void TestHistoryApi::historyFiltersByTime()
{
    const std::optional<QList<Quote>> ticks = serveStoredTicks(300);
    QVERIFY(ticks);
    const QString symbol = market().symbols().constLast();
    const QList<Quote> ofThatSymbol = ofSymbol(*ticks, symbol);
    QVERIFY2(!ofThatSymbol.isEmpty(), qPrintable(symbol));
    const Quote &middle = ofThatSymbol.at(ofThatSymbol.size() / 2);
    QList<Quote> expected;
    for (const Quote &tick : ofThatSymbol) {
        if (tick.timestampMs >= middle.timestampMs)
            expected.append(tick);
    }
    const HttpAnswer reply = get(
        QStringLiteral("/api/history?symbol=%1&since=%2").arg(symbol).arg(middle.timestampMs));
    QCOMPARE(reply.status, 200);
    QCOMPARE(ticksIn(QJsonDocument::fromJson(reply.body).object()), expected);
}

void TestHistoryApi::historyBadRequests_data()
{
    QTest::addColumn<QString>("query"); // SYMBOL stands for a symbol of the feed
    QTest::addColumn<QString>("mentions");
    QTest::addRow("no symbol") << ""
                               << "symbol";
    QTest::addRow("not a symbol") << "symbol=1NOPE"
                                  << "not a symbol";
    QTest::addRow("limit zero") << "symbol=SYMBOL&limit=0"
                                << "limit";
    QTest::addRow("limit too big") << "symbol=SYMBOL&limit=10001"
                                   << "limit";
    QTest::addRow("since not a number") << "symbol=SYMBOL&since=yesterday"
                                        << "since";
    QTest::addRow("after negative") << "symbol=SYMBOL&after=-1"
                                    << "after";
}

void TestHistoryApi::historyBadRequests()
{
    QFETCH(QString, query);
    QFETCH(QString, mentions);
    QVERIFY(serveStoredTicks(10));
    query.replace(QStringLiteral("SYMBOL"), market().symbols().constFirst());
    const HttpAnswer reply = get(QStringLiteral("/api/history?") + query);
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.body.contains(mentions.toUtf8()), reply.body.constData());
}

// Any symbol may be asked for: the feed's symbols change while it runs, and a removed one's
// ticks stay in the history (tst_marketsymbols); one that never ticked has none.
void TestHistoryApi::historyOfASymbolWithoutTicksIsEmpty()
{
    QVERIFY(serveStoredTicks(10));
    QVERIFY(!market().symbols().contains(QStringLiteral("BRK.B")));
    const HttpAnswer reply = get(QStringLiteral("/api/history?symbol=brk.b"));
    QCOMPARE(reply.status, 200);
    const QJsonObject page = QJsonDocument::fromJson(reply.body).object();
    QCOMPARE(page.value(u"symbol").toString(), QStringLiteral("BRK.B"));
    QCOMPARE(page.value(u"ticks").toArray().size(), 0);
    QCOMPARE(page.value(u"more").toBool(true), false);
    QVERIFY(!page.contains(u"next"));
}

void TestHistoryApi::historyWithoutAFileIsUnavailable()
{
    QVERIFY(startHub());
    const HttpAnswer reply
        = get(QStringLiteral("/api/history?symbol=") + market().symbols().constFirst());
    QCOMPARE(reply.status, 503);
    QVERIFY2(reply.body.contains("--in-memory"), reply.body.constData());
}

namespace {
// Another connection holding the history file's lock, as a long write, a backup or a slow disk
// would: a page then waits for it (SQLite's busy timeout, 1 s) until release().
class HistoryLock
{
public:
    explicit HistoryLock(const QString &path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), Name);
        db.setDatabaseName(path);
        QSqlQuery query(db);
        // In WAL mode only the exclusive locking mode keeps readers out.
        m_held = db.open() && query.exec(QStringLiteral("PRAGMA locking_mode=EXCLUSIVE"))
            && query.exec(QStringLiteral("BEGIN EXCLUSIVE"));
    }
    ~HistoryLock() { release(); }
    bool isHeld() const { return m_held; }
    void release()
    {
        QSqlDatabase::database(Name, false).close();
        QSqlDatabase::removeDatabase(Name);
        m_held = false;
    }

private:
    static constexpr const char *Name = "test-history-lock";
    bool m_held = false;
};
} // namespace

void TestHistoryApi::aSlowPageHoldsUpNoNewStream()
{
    QVERIFY(serveStoredTicks(20));
    HistoryLock lock(m_historyDir->filePath(QStringLiteral("ticks.sqlite")));
    QVERIFY(lock.isHeld());

    // The page waits for the lock; meanwhile a new stream opens and gets its whole preamble.
    m_network.setProxy(QNetworkProxy::NoProxy);
    const std::unique_ptr<QNetworkReply> page(m_network.get(
        QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/api/history?symbol=%2")
                                 .arg(hub()->serverPort())
                                 .arg(market().symbols().constFirst())))));
    SseClient stream;
    stream.open(hub()->serverPort());
    QVERIFY(stream.waitForBlocks(StreamPreamble::of(market()).blocks()));
    QVERIFY2(!page->isFinished(), "the page was answered before the stream opened");

    lock.release();
    QTRY_VERIFY_WITH_TIMEOUT(page->isFinished(), 10000);
    QCOMPARE(page->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
}

void TestHistoryApi::aSlowPageKeepsItsConnectionsOrder()
{
    QVERIFY(serveStoredTicks(20));
    HistoryLock lock(m_historyDir->filePath(QStringLiteral("ticks.sqlite")));
    QVERIFY(lock.isHeld());

    // Two pipelined requests: the /healthz that needs no file must not overtake the page.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, hub()->serverPort());
    QVERIFY(socket.waitForConnected(5000));
    const QByteArray symbol = market().symbols().constFirst().toUtf8();
    socket.write("GET /api/history?symbol=" + symbol
                 + "&limit=1 HTTP/1.1\r\nHost: t\r\n\r\n"
                   "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
    QVERIFY(socket.waitForBytesWritten(5000));

    lock.release();
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).count("HTTP/1.1 200") == 2, 10000);
    const qsizetype page = received.indexOf("\"symbol\":\"" + symbol + '"');
    const qsizetype ok = received.indexOf("\r\n\r\nok\n");
    QVERIFY2(page > 0 && ok > page, received.constData());
}

void TestHistoryApi::pagesBeingReadAreBoundedAndThoseOfGoneClientsSkipped()
{
    QVERIFY(serveStoredTicks(20));
    HistoryLock lock(m_historyDir->filePath(QStringLiteral("ticks.sqlite")));
    QVERIFY(lock.isHeld());
    const QByteArray request = "GET /api/history?symbol=" + market().symbols().constFirst().toUtf8()
        + " HTTP/1.1\r\nHost: t\r\n\r\n";
    const auto ask = [&](QTcpSocket &socket) {
        socket.connectToHost(QHostAddress::LocalHost, hub()->serverPort());
        socket.write(request);
    };

    // Each page waits for the lock (SQLite's busy timeout, 1 s, one after the other): one more
    // than the bound is refused at once.
    std::vector<std::unique_ptr<QTcpSocket>> waiting;
    for (int i = 0; i <= HistoryPages::MaxPendingPages; ++i)
        ask(*waiting.emplace_back(std::make_unique<QTcpSocket>()));
    const auto refused = [&] {
        return std::count_if(waiting.cbegin(), waiting.cend(), [](const auto &socket) {
            return socket->peek(socket->bytesAvailable()).startsWith("HTTP/1.1 503 ");
        });
    };
    QTRY_COMPARE_WITH_TIMEOUT(refused(), 1, 5000);
    const auto refusal = std::find_if(waiting.cbegin(), waiting.cend(), [](const auto &socket) {
        return socket->bytesAvailable() > 0;
    });
    QVERIFY((*refusal)->readAll().contains("\r\nRetry-After: 1\r\n"));

    // Their clients leave: the pages they asked for are not read, so within a few busy
    // timeouts, not 64, a new page is taken (and waits for the lock in its turn).
    waiting.clear();
    std::unique_ptr<QTcpSocket> probe;
    QByteArray answer;
    const auto taken = [&] {
        if (!probe) {
            probe = std::make_unique<QTcpSocket>();
            ask(*probe);
        }
        answer += probe->readAll();
        if (answer.startsWith("HTTP/1.1 503 ")) { // still full: ask again
            probe.reset();
            answer.clear();
        }
        return !answer.isEmpty(); // taken: answered once read (a 500, the lock being held)
    };
    QTRY_VERIFY_WITH_TIMEOUT(taken(), 8000);
}

QTEST_GUILESS_MAIN(TestHistoryApi)
#include "tst_historyapi.moc"
