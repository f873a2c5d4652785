#include "localhub.h"
#include "pricetrail.h"
#include "wcag.h"
#include "webdriver.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace quotecast;

namespace {

// The relative luminance of a CSS colour as getComputedStyle gives it ("rgb(r, g, b)");
// -1 for anything else, which no contrast check passes.
double luminance(const QString &cssColour)
{
    static const QRegularExpression rgb(
        QStringLiteral("^rgba?\\((\\d+), (\\d+), (\\d+)(, 1)?\\)$"));
    const QRegularExpressionMatch match = rgb.match(cssColour);
    if (!match.hasMatch())
        return -1;
    return Wcag::luminance(
        QColor(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt()));
}

double contrast(const QString &a, const QString &b)
{
    return Wcag::contrast(luminance(a), luminance(b));
}

// Prices as the English page writes them.
QString englishPrice(qint64 cents)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(double(cents) / 100.0, 'f', 2);
}

} // namespace

// The web page in a real browser: Debian's headless Chromium, driven over the
// WebDriver protocol by Debian's chromedriver, against a real StreamHub in this process.
// Every wait below keeps this event loop running, so the hub serves the browser meanwhile.
class TestWebPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void showsLivePrices();
    void showsPausedAndMatchesTheFeedWhenStopped();
    void recoversAfterAServerRestartWithoutReload();
    void speaksTheBrowsersLanguage_data();
    void speaksTheBrowsersLanguage();
    void followsTheDarkColourScheme();
    void drawsASparklineOfRecentPrices();

private:
    // The day so far and the number of prices a sparkline should show.
    struct Trail
    {
        int count = 0;
        qint64 openCents = 0;
        qint64 highCents = 0;
        qint64 lowCents = 0;
    };
    // GET /api/quotes by symbol; empty when it fails.
    QHash<QString, Trail> serverTrails();
    // What differs between the page's sparklines and `expected`; empty when nothing does.
    QString sparklineMismatches(const QHash<QString, Trail> &expected);

    QJsonValue runScript(const QString &script) { return runScript(m_session, script); }
    QJsonValue runScript(const QString &session, const QString &script);
    // A new headless Chromium with its own profile; empty on failure.
    QString openSession(const QString &profile, const QStringList &extraArguments = {})
    {
        return m_webDriver.openSession(QSize(1024, 768), extraArguments, profile);
    }
    void openPage(const QString &session);
    bool startHub(quint16 port);
    QString feedState()
    {
        return runScript(QStringLiteral("return document.body.dataset.feed")).toString();
    }

    StockModel m_model;
    std::unique_ptr<StreamHub> m_hub;
    QTemporaryDir m_profile; // outlives the driver, which closes the sessions still open
    WebDriver m_webDriver;
    QNetworkAccessManager m_network;
    QString m_session;
};

QJsonValue TestWebPage::runScript(const QString &session, const QString &script)
{
    return m_webDriver.execute(session, script);
}

void TestWebPage::openPage(const QString &session)
{
    m_webDriver.navigate(session,
                         QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_hub->serverPort())));
}

QHash<QString, TestWebPage::Trail> TestWebPage::serverTrails()
{
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/api/quotes").arg(m_hub->serverPort()));
    std::unique_ptr<QNetworkReply> reply(m_network.get(QNetworkRequest(url)));
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 10000)
        || reply->error() != QNetworkReply::NoError)
        return {};
    QHash<QString, Trail> trails;
    const auto cents = [](const QJsonValue &v) { return qRound64(v.toDouble() * 100); };
    for (const QJsonValue &value :
         QJsonDocument::fromJson(reply->readAll()).object().value(u"quotes").toArray()) {
        const QJsonObject quote = value.toObject();
        trails.insert(quote.value(u"symbol").toString(),
                      { int(quote.value(u"recent").toArray().size()), cents(quote.value(u"open")),
                        cents(quote.value(u"high")), cents(quote.value(u"low")) });
    }
    return trails;
}

QString TestWebPage::sparklineMismatches(const QHash<QString, Trail> &expected)
{
    const QJsonArray cards
        = runScript(QStringLiteral(
                        "return Array.from(document.querySelectorAll('.card'), c => ({"
                        " symbol: c.dataset.symbol, tooltip: c.title,"
                        " points: c.querySelector('.sparkline polyline').points.numberOfItems}))"))
              .toArray();
    QStringList mismatches;
    if (cards.size() != expected.size())
        mismatches.append(
            QStringLiteral("%1 cards, not %2").arg(cards.size()).arg(expected.size()));
    for (const QJsonValue &value : cards) {
        const QJsonObject card = value.toObject();
        const QString symbol = card.value(u"symbol").toString();
        const Trail trail = expected.value(symbol);
        const QString tooltip
            = QStringLiteral("Open %1 · High %2 · Low %3")
                  .arg(englishPrice(trail.openCents), englishPrice(trail.highCents),
                       englishPrice(trail.lowCents));
        if (card.value(u"points").toInt() != trail.count)
            mismatches.append(QStringLiteral("%1 has %2 points, not %3")
                                  .arg(symbol)
                                  .arg(card.value(u"points").toInt())
                                  .arg(trail.count));
        if (card.value(u"tooltip").toString() != tooltip)
            mismatches.append(QStringLiteral("%1 says \"%2\", not \"%3\"")
                                  .arg(symbol, card.value(u"tooltip").toString(), tooltip));
    }
    return mismatches.join(QStringLiteral("; "));
}

bool TestWebPage::startHub(quint16 port)
{
    ServerSettings settings = localServerSettings();
    settings.port = port;
    settings.retryMs = 300; // reconnect quickly after the restart test
    m_hub = startLocalHub(m_model, settings);
    if (!m_hub)
        return false;
    connect(&m_model, &StockModel::quoteUpdated, m_hub.get(), &StreamHub::publish);
    connect(&m_model, &StockModel::statusChanged, m_hub.get(), &StreamHub::setStatus);
    return true;
}

void TestWebPage::initTestCase()
{
    m_network.setProxy(QNetworkProxy::NoProxy);
    m_model.setSeed(77);
    m_model.setIntervalMs(100);
    QVERIFY(startHub(0));
    m_model.start();

    QVERIFY2(m_webDriver.start(), qPrintable(m_webDriver.errorString()));
    QVERIFY(m_profile.isValid());
    m_session = openSession(m_profile.path());
    QVERIFY2(!m_session.isEmpty(), qPrintable(m_webDriver.errorString()));
    openPage(m_session);
}

void TestWebPage::cleanupTestCase()
{
    if (!m_session.isEmpty())
        m_webDriver.closeSession(m_session);
}

void TestWebPage::showsLivePrices()
{
    const QString readPrices = QStringLiteral(
        "return Array.from(document.querySelectorAll('.card'), c => "
        "c.dataset.symbol + '=' + c.querySelector('.price').textContent).join(' ')");
    QTRY_COMPARE_WITH_TIMEOUT(
        runScript(QStringLiteral("return document.body.dataset.feed")).toString(),
        QStringLiteral("live"), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(runScript(readPrices).toString().count(u'=') == 4, 10000);
    for (const QString &card : runScript(readPrices).toString().split(u' ')) {
        const QString price = card.section(u'=', 1);
        QVERIFY2(price.contains(QRegularExpression(QStringLiteral("^[0-9][0-9,]*\\.[0-9]{2}$"))),
                 qPrintable(card));
    }
    // Live: the prices on the page change by themselves, without a reload.
    const QString first = runScript(readPrices).toString();
    QTRY_VERIFY_WITH_TIMEOUT(runScript(readPrices).toString() != first, 10000);
    QCOMPARE(runScript(QStringLiteral("return document.getElementById('feed-state').textContent"))
                 .toString()
                 .trimmed(),
             QStringLiteral("live"));
    QCOMPARE(runScript(QStringLiteral("return document.documentElement.lang")).toString(),
             QStringLiteral("en"));
}

void TestWebPage::showsPausedAndMatchesTheFeedWhenStopped()
{
    m_model.stop();
    QTRY_COMPARE_WITH_TIMEOUT(
        runScript(QStringLiteral("return document.body.dataset.feed")).toString(),
        QStringLiteral("paused"), 10000);
    // With the feed still, every card shows the model's price and the direction of
    // its last move.
    const QJsonArray cards
        = runScript(
              QStringLiteral("return Array.from(document.querySelectorAll('.card'), c => ({"
                             "symbol: c.dataset.symbol, trend: c.dataset.trend, up: "
                             "c.classList.contains('up'),"
                             "down: c.classList.contains('down'),"
                             "cents: Math.round(100 * Number(c.querySelector('.price').textContent"
                             ".replace(/[^0-9.]/g, '')))}))"))
              .toArray();
    QCOMPARE(cards.size(), m_model.quotes().size());
    for (const Quote &quote : m_model.quotes()) {
        const auto card = std::find_if(cards.begin(), cards.end(), [&](const QJsonValue &c) {
            return c.toObject().value(u"symbol").toString() == quote.symbol;
        });
        QVERIFY2(card != cards.end(), qPrintable(quote.symbol));
        const QJsonObject shown = card->toObject();
        QCOMPARE(shown.value(u"cents").toInteger(), quote.priceCents);
        const QString trend = quote.changeCents > 0 ? QStringLiteral("up")
            : quote.changeCents < 0                 ? QStringLiteral("down")
                                                    : QStringLiteral("flat");
        QCOMPARE(shown.value(u"trend").toString(), trend);
        QCOMPARE(shown.value(u"up").toBool(), quote.changeCents > 0);
        QCOMPARE(shown.value(u"down").toBool(), quote.changeCents < 0);
    }
}

void TestWebPage::recoversAfterAServerRestartWithoutReload()
{
    m_model.start();
    QTRY_COMPARE_WITH_TIMEOUT(feedState(), QStringLiteral("live"), 10000);
    const quint16 port = m_hub->serverPort();
    // A reload would wipe this.
    runScript(QStringLiteral("window.quotecastTestMarker = 42; return true"));

    m_hub.reset(); // quotecast goes away: streams closed, port closed
    QTRY_COMPARE_WITH_TIMEOUT(feedState(), QStringLiteral("reconnecting"), 10000);

    QVERIFY(startHub(port)); // and comes back on the same address
    QTRY_COMPARE_WITH_TIMEOUT(feedState(), QStringLiteral("live"), 20000);
    QCOMPARE(runScript(QStringLiteral("return window.quotecastTestMarker")).toInt(), 42);
    // New ticks of the new run arrive.
    const QString prices = QStringLiteral(
        "return Array.from(document.querySelectorAll('.price'), p => p.textContent).join()");
    const QString first = runScript(prices).toString();
    QTRY_VERIFY_WITH_TIMEOUT(runScript(prices).toString() != first, 10000);
}

void TestWebPage::speaksTheBrowsersLanguage_data()
{
    QTest::addColumn<QString>("acceptLanguages");
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("live");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("every"); // the header's detail, at the test's 100 ms
    QTest::addColumn<QString>("price");
    QTest::addColumn<QString>("tooltip");

    const QString enPrice = QStringLiteral("[0-9]{1,3}(,[0-9]{3})*\\.[0-9]{2}");
    const QStringList en { QStringLiteral("en"),
                           QStringLiteral("live"),
                           QStringLiteral("quotecast — live quotes"),
                           QStringLiteral("^every 0\\.1 s · updated "),
                           QStringLiteral("^%1$").arg(enPrice),
                           QStringLiteral("^Open %1 · High %1 · Low %1$").arg(enPrice) };
    // French writes a decimal comma and groups thousands with a space that depends on the
    // region: narrow no-break in France, no-break in Canada.
    const auto french = [](const QString &space) {
        const QString price = QStringLiteral("[0-9]{1,3}(%1[0-9]{3})*,[0-9]{2}").arg(space);
        return QStringList {
            QStringLiteral("fr"),
            QStringLiteral("en direct"),
            QStringLiteral("quotecast — cours en direct"),
            QStringLiteral("^toutes les 0,1 s · mis à jour à "),
            QStringLiteral("^%1$").arg(price),
            QStringLiteral("^Ouverture %1 · Plus haut %1 · Plus bas %1$").arg(price)
        };
    };
    const auto row = [](const char *name, const char *accept, const QStringList &l) {
        QTest::addRow("%s", name) << QString::fromLatin1(accept) << l[0] << l[1] << l[2] << l[3]
                                  << l[4] << l[5];
    };
    row("English", "en-US,en", en);
    row("French", "fr-FR,fr", french(QStringLiteral("\\x{202F}")));
    row("first language the page speaks", "de-DE,fr-CA,en", french(QStringLiteral("\\x{00A0}")));
    row("none it speaks: English", "de-DE,ja", en);
}

// The browser's languages choose the page's: a browser of its own for each row, with
// --accept-lang (--lang does not reach navigator.languages in headless Chromium).
void TestWebPage::speaksTheBrowsersLanguage()
{
    QFETCH(QString, acceptLanguages);
    QFETCH(QString, lang);
    QFETCH(QString, live);
    QFETCH(QString, title);
    QFETCH(QString, every);
    QFETCH(QString, price);
    QFETCH(QString, tooltip);

    m_model.start();
    QTemporaryDir profile;
    QVERIFY(profile.isValid());
    const QString session
        = openSession(profile.path(), { QStringLiteral("--accept-lang=") + acceptLanguages });
    QVERIFY2(!session.isEmpty(), qPrintable(m_webDriver.errorString()));
    const auto closeSession = qScopeGuard([&] { m_webDriver.closeSession(session); });
    QCOMPARE(runScript(session, QStringLiteral("return navigator.languages.join()")).toString(),
             acceptLanguages);
    openPage(session);

    const QString read
        = QStringLiteral("return {lang: document.documentElement.lang, title: document.title,"
                         " state: document.getElementById('feed-state').textContent,"
                         " detail: document.getElementById('feed-detail').textContent,"
                         " cards: Array.from(document.querySelectorAll('.card'), c => ({"
                         "   price: c.querySelector('.price').textContent, tooltip: c.title}))}");
    QJsonObject page;
    const auto ready = [&] {
        page = runScript(session, read).toObject();
        const QJsonArray cards = page.value(u"cards").toArray();
        return cards.size() == 4 && std::all_of(cards.begin(), cards.end(), [](const auto &c) {
                   return !c.toObject().value(u"tooltip").toString().isEmpty();
               });
    };
    QTRY_VERIFY_WITH_TIMEOUT(ready(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(runScript(session, read).toObject().value(u"state").toString(), live,
                              10000);
    QCOMPARE(page.value(u"lang").toString(), lang);
    QCOMPARE(page.value(u"title").toString(), title);
    QVERIFY2(page.value(u"detail").toString().contains(QRegularExpression(every)),
             qPrintable(page.value(u"detail").toString()));
    for (const QJsonValue &card : page.value(u"cards").toArray()) {
        const QString shown = card.toObject().value(u"price").toString();
        QVERIFY2(shown.contains(QRegularExpression(price)), qPrintable(shown));
        const QString tip = card.toObject().value(u"tooltip").toString();
        QVERIFY2(tip.contains(QRegularExpression(tooltip)), qPrintable(tip));
    }
}

// Dark when the system is dark: the page's background, and every text and line still stands
// out from what it is drawn on (WCAG AA: 4.5 for text, 3 for the sparkline).
void TestWebPage::followsTheDarkColourScheme()
{
    m_model.start();
    QTRY_COMPARE_WITH_TIMEOUT(feedState(), QStringLiteral("live"), 10000);
    const auto emulate = [&](const QString &scheme) {
        const QJsonObject feature { { QStringLiteral("name"),
                                      QStringLiteral("prefers-color-scheme") },
                                    { QStringLiteral("value"), scheme } };
        m_webDriver.devTools(m_session, QStringLiteral("Emulation.setEmulatedMedia"),
                             { { QStringLiteral("features"), QJsonArray { feature } } });
    };
    const auto restore = qScopeGuard([&] { emulate(QString()); });
    // Colours of the page and of a plain, a rising and a falling card made for the purpose
    // (which cards the feed has moved is up to the feed): [text, background, sparkline].
    const QString read = QStringLiteral(
        "const style = (e) => getComputedStyle(e);"
        "const probes = ['', 'up', 'down'].map((trend) => {"
        "  const card = document.createElement('article');"
        "  card.className = 'card ' + trend;"
        "  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');"
        "  svg.setAttribute('class', 'sparkline');"
        "  const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');"
        "  svg.append(line);"
        "  card.append(svg);"
        "  document.getElementById('cards').append(card);"
        "  const colours = [style(card).color, style(card).backgroundColor, style(line).stroke];"
        "  card.remove();"
        "  return colours; });"
        "return {dark: matchMedia('(prefers-color-scheme: dark)').matches,"
        "  body: [style(document.body).color, style(document.body).backgroundColor],"
        "  muted: [style(document.querySelector('.status')).color,"
        "          style(document.body).backgroundColor],"
        "  cards: probes}");

    QVariantMap schemes;
    for (const QString &scheme : { QStringLiteral("light"), QStringLiteral("dark") }) {
        emulate(scheme);
        QTRY_COMPARE(runScript(read).toObject().value(u"dark").toBool(), scheme == u"dark");
        const QJsonObject colours = runScript(read).toObject();
        // What is wrong with a foreground on a background, or nothing.
        const auto check = [&](const QJsonValue &pair, double minimum, const char *what) {
            const QString fg = pair.toArray().at(0).toString();
            const QString bg = pair.toArray().at(1).toString();
            if (contrast(fg, bg) >= minimum)
                return QString();
            return QStringLiteral("%1, %2: %3 on %4 has a contrast of %5; ")
                .arg(scheme, QLatin1String(what), fg, bg)
                .arg(contrast(fg, bg), 0, 'f', 2);
        };
        QString problems = check(colours.value(u"body"), 4.5, "text")
            + check(colours.value(u"muted"), 4.5, "muted text");
        for (const QJsonValue &card : colours.value(u"cards").toArray()) {
            const QJsonArray c = card.toArray();
            problems += check(QJsonArray { c.at(0), c.at(1) }, 4.5, "card")
                + check(QJsonArray { c.at(2), c.at(1) }, 3, "sparkline");
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        schemes.insert(scheme, colours.value(u"body").toArray().at(1).toString());
    }
    const double light = luminance(schemes.value(QStringLiteral("light")).toString());
    const double dark = luminance(schemes.value(QStringLiteral("dark")).toString());
    QVERIFY2(light > 0.7, qPrintable(schemes.value(QStringLiteral("light")).toString()));
    QVERIFY2(dark >= 0 && dark < 0.05,
             qPrintable(schemes.value(QStringLiteral("dark")).toString()));
}

// Each card draws the prices it has seen, up to the last 60: from the server's recent
// prices at load, then from the stream, a snapshot's repeated prices counted once.
void TestWebPage::drawsASparklineOfRecentPrices()
{
    m_model.stop();
    // Fast ticks: two may share a millisecond, and the page still tells them apart (`seq`).
    m_model.setIntervalMs(StockModel::MinIntervalMs);
    const auto restore = qScopeGuard([&] {
        m_model.setIntervalMs(100);
        m_model.start();
    });
    // A new server run with a few prices in its trails, and a new page, which starts from
    // them (GET /api/quotes), not from the stream's snapshot.
    const quint16 port = m_hub->serverPort();
    m_hub.reset();
    QVERIFY(startHub(port));
    QSignalSpy ticks(&m_model, &StockModel::quoteUpdated);
    m_model.start();
    QTRY_VERIFY(ticks.size() >= 12);
    m_model.stop();
    openPage(m_session);
    QTRY_COMPARE_WITH_TIMEOUT(feedState(), QStringLiteral("paused"), 20000);

    const QHash<QString, Trail> start = serverTrails();
    QCOMPARE(start.size(), m_model.quotes().size());
    QVERIFY(std::any_of(start.cbegin(), start.cend(), [](const Trail &t) { return t.count > 2; }));
    QTRY_COMPARE(sparklineMismatches(start), QString());

    // What the stream brings from now on; added to `start`, that is what the page should show.
    QHash<QString, PriceTrail> seen;
    const QMetaObject::Connection recording
        = connect(&m_model, &StockModel::quoteUpdated, this,
                  [&](const Quote &quote) { seen[quote.symbol].add(quote); });
    const auto disconnect = qScopeGuard([&] { QObject::disconnect(recording); });
    const auto expected = [&] {
        QHash<QString, Trail> trails = start;
        for (auto it = trails.begin(); it != trails.end(); ++it) {
            const PriceTrail trail = seen.value(it.key());
            if (trail.isEmpty())
                continue;
            it->count
                = qMin(int(trail.pricesCents().size()) + it->count, PriceTrail::DefaultCapacity);
            it->highCents = qMax(it->highCents, trail.highCents());
            it->lowCents = qMin(it->lowCents, trail.lowCents());
        }
        return trails;
    };

    // A few ticks: the lines grow.
    m_model.start();
    QTRY_VERIFY(std::any_of(seen.cbegin(), seen.cend(),
                            [](const PriceTrail &t) { return t.pricesCents().size() >= 3; }));
    m_model.stop();
    QTRY_COMPARE(sparklineMismatches(expected()), QString());

    // Many ticks: every line holds the last 60 prices, no more.
    m_model.start();
    QTRY_VERIFY_WITH_TIMEOUT(seen.size() == start.size()
                                 && std::all_of(seen.cbegin(), seen.cend(),
                                                [](const PriceTrail &t) {
                                                    return t.pricesCents().size()
                                                        == PriceTrail::DefaultCapacity;
                                                }),
                             60000);
    m_model.stop();
    QTRY_COMPARE_WITH_TIMEOUT(sparklineMismatches(expected()), QString(), 10000);

    // The line rises and falls with the prices: a higher price is drawn higher (a smaller y;
    // the page rounds y, so very close prices may share one).
    const QJsonArray lines
        = runScript(QStringLiteral(
                        "return Array.from(document.querySelectorAll('.card'), c => ({"
                        " symbol: c.dataset.symbol, points: Array.from("
                        "   c.querySelector('.sparkline polyline').points, p => [p.x, p.y])}))"))
              .toArray();
    for (const QJsonValue &line : lines) {
        const QString symbol = line.toObject().value(u"symbol").toString();
        const QList<qint64> prices = seen.value(symbol).pricesCents();
        const QJsonArray points = line.toObject().value(u"points").toArray();
        QCOMPARE(points.size(), prices.size());
        QList<double> ys;
        for (int i = 0; i < points.size(); ++i) {
            QCOMPARE(points.at(i)[0].toDouble(), double(i)); // one slot per price
            ys.append(points.at(i)[1].toDouble());
        }
        for (int i = 1; i < prices.size(); ++i) {
            const double rise = ys.at(i - 1) - ys.at(i);
            const qint64 move = prices.at(i) - prices.at(i - 1);
            QVERIFY2(move > 0       ? rise >= 0
                         : move < 0 ? rise <= 0
                                    : rise == 0,
                     qPrintable(QStringLiteral("%1 at %2").arg(symbol).arg(i)));
        }
        const auto highest = std::max_element(prices.cbegin(), prices.cend()) - prices.cbegin();
        const auto lowest = std::min_element(prices.cbegin(), prices.cend()) - prices.cbegin();
        QCOMPARE(ys.at(highest), *std::min_element(ys.cbegin(), ys.cend()));
        QCOMPARE(ys.at(lowest), *std::max_element(ys.cbegin(), ys.cend()));
    }
    // And the server, which keeps the same trails.
    QCOMPARE(sparklineMismatches(serverTrails()), QString());
}

QTEST_GUILESS_MAIN(TestWebPage)
#include "tst_webpage.moc"
