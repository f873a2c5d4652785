#include <app/appoptions.h>
#include <preferences/preferences.h>

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace quotecast;

// The options that shape the market's prices: --model, --volatility, --drift, --shock, and the
// model the window remembers.
class TestMarketOptions : public QObject
{
    Q_OBJECT

private slots:
    void models_data();
    void models();
    void shocks_data();
    void shocks();
    void replayFiles();
    void badValuesAreErrors_data();
    void badValuesAreErrors();
    void rememberedModelYieldsToTheCommandLine();
    void rememberedModelOutOfRangeIsIgnored();
};

namespace {

AppOptions parse(const QStringList &args, AppOptions::Outcome *outcome, QString *message,
                 const AppOptions &defaults = AppOptions())
{
    return AppOptions::parse(QStringList { QStringLiteral("quotecast") } + args, outcome, message,
                             defaults);
}

} // namespace

void TestMarketOptions::models_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<PriceModel>("model");
    QTest::addRow("none: the seed's") << QStringList {} << PriceModel::uniform();
    QTest::addRow("uniform 1 %%") << QStringList { "--volatility", "1" }
                                  << PriceModel::uniform(10'000);
    QTest::addRow("gbm: its defaults") << QStringList { "--model", "gbm" } << PriceModel::gbm();
    QTest::addRow("gbm, percent signs, a negative drift")
        << QStringList { "--model=GBM", "--volatility", "0.3%", "--drift", "-0.0125" }
        << PriceModel::gbm(3000, -125);
    QTest::addRow("the smallest and largest")
        << QStringList { "--model", "gbm", "--volatility", "0.0001", "--drift", "+1" }
        << PriceModel::gbm(PriceModel::MinVolatilityPpm, PriceModel::MaxDriftPpm);
}

void TestMarketOptions::models()
{
    QFETCH(QStringList, args);
    QFETCH(PriceModel, model);
    AppOptions::Outcome outcome;
    QString message;
    const AppOptions options = parse(args, &outcome, &message);
    QCOMPARE(outcome, AppOptions::Outcome::Run);
    QCOMPARE(options.market.priceModel, model);
}

void TestMarketOptions::shocks_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<double>("percent");
    QTest::addColumn<int>("ticks");
    QTest::addColumn<qint64>("delayMs");
    QTest::addRow("a crash of every symbol, at once")
        << QStringList { "--shock", "-10/20" } << "" << -10.0 << 20 << qint64(0);
    QTest::addRow("a rally of one, later")
        << QStringList { "--shock", "aapl:+25%/10@30s" } << "AAPL" << 25.0 << 10 << qint64(30'000);
    QTest::addRow("decimals and a delay in ms")
        << QStringList { "--shock=-2.5/1@1500" } << "" << -2.5 << 1 << qint64(1500);
}

void TestMarketOptions::shocks()
{
    QFETCH(QStringList, args);
    QFETCH(QString, symbol);
    QFETCH(double, percent);
    QFETCH(int, ticks);
    QFETCH(qint64, delayMs);
    AppOptions::Outcome outcome;
    QString message;
    const AppOptions options = parse(args, &outcome, &message);
    QCOMPARE(outcome, AppOptions::Outcome::Run);
    QCOMPARE(options.market.shocks.size(), 1);
    const ScheduledShock &shock = options.market.shocks.constFirst();
    QCOMPARE(shock.shock.symbol, symbol);
    QCOMPARE(shock.shock.percent, percent);
    QCOMPARE(shock.shock.ticks, ticks);
    QCOMPARE(shock.delayMs, delayMs);

    // Repeated, each is kept in order.
    const AppOptions twice = parse(args + QStringList { "--shock", "+5/2" }, &outcome, &message);
    QCOMPARE(twice.market.shocks.size(), 2);
    QCOMPARE(twice.market.shocks.last().shock.percent, 5.0);
}

void TestMarketOptions::replayFiles()
{
    AppOptions::Outcome outcome;
    QString message;
    const AppOptions options = parse(
        { "--replay", "AAPL.csv", "MSFT=msft_us_d.csv", "--replay-loop", "--replay", "g.csv" },
        &outcome, &message);
    QCOMPARE(outcome, AppOptions::Outcome::Run);
    // The option's values first, then the bare arguments after it.
    QCOMPARE(options.market.replayFiles,
             QStringList({ "AAPL.csv", "g.csv", "MSFT=msft_us_d.csv" }));
    QVERIFY(options.market.replayLoop);
    QCOMPARE(parse({}, &outcome, &message).market.replayFiles, QStringList());
}

void TestMarketOptions::badValuesAreErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString shock = QStringLiteral(
        "--shock takes [SYMBOL:]PERCENT/TICKS[@DELAY], like -10/20 or AAPL:+25/10@30s (percent "
        "from -99 to 1000, 1 to 10000 ticks, a delay up to 24h), not '%1'");
    const QString volatility = QStringLiteral(
        "--volatility takes a percentage from 0.0001 to 20 with at most 4 decimals, not '%1'");
    QTest::addRow("an unknown model")
        << QStringList { "--model", "heston" } << "--model is uniform or gbm, not 'heston'";
    QTest::addRow("volatility zero") << QStringList { "--volatility", "0" } << volatility.arg("0");
    QTest::addRow("volatility negative")
        << QStringList { "--volatility=-1" } << volatility.arg("-1");
    QTest::addRow("volatility past 20 %%")
        << QStringList { "--volatility", "20.0001" } << volatility.arg("20.0001");
    QTest::addRow("volatility five decimals")
        << QStringList { "--volatility", "0.00001" } << volatility.arg("0.00001");
    QTest::addRow("volatility a word")
        << QStringList { "--volatility", "high" } << volatility.arg("high");
    QTest::addRow("drift with uniform")
        << QStringList { "--drift", "0.1" } << "--drift applies to --model gbm only";
    QTest::addRow("drift past 1 %%")
        << QStringList { "--model", "gbm", "--drift", "1.5" }
        << "--drift takes a percentage from -1 to 1 with at most 4 decimals, not '1.5'";
    QTest::addRow("shock without ticks") << QStringList { "--shock", "-10" } << shock.arg("-10");
    QTest::addRow("shock to zero") << QStringList { "--shock", "-100/5" } << shock.arg("-100/5");
    QTest::addRow("shock of no ticks") << QStringList { "--shock", "-10/0" } << shock.arg("-10/0");
    QTest::addRow("shock too long")
        << QStringList { "--shock", "-10/10001" } << shock.arg("-10/10001");
    QTest::addRow("shock of a bad symbol")
        << QStringList { "--shock", "<b>:-10/2" } << shock.arg("<b>:-10/2");
    QTest::addRow("shock with a bad delay")
        << QStringList { "--shock", "-10/2@soon" } << shock.arg("-10/2@soon");
    QTest::addRow("a bare argument without --replay")
        << QStringList { "AAPL.csv" } << "Unexpected argument: AAPL.csv";
    QTest::addRow("a loop of nothing")
        << QStringList { "--replay-loop" } << "--replay-loop needs files to play: --replay FILE...";
    QTest::addRow("a replay and symbols")
        << QStringList { "--replay", "a.csv", "--symbols", "A=1" }
        << "--symbols and --replay exclude each other: a replay's symbols are its files'";
    QTest::addRow("a replay and a shock")
        << QStringList { "--replay", "a.csv", "--shock", "-10/2" }
        << "--shock moves simulated prices: it cannot go with --replay";
    QTest::addRow("shock after more than a day")
        << QStringList { "--shock", "-10/2@25h" } << shock.arg("-10/2@25h");
}

void TestMarketOptions::badValuesAreErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    AppOptions::Outcome outcome;
    QString text;
    parse(args, &outcome, &text);
    QCOMPARE(outcome, AppOptions::Outcome::Error);
    QCOMPARE(text.section(u'\n', 0, 0), message);
    QVERIFY2(text.contains(u"--help"), "the error comes with the usage");
}

void TestMarketOptions::rememberedModelYieldsToTheCommandLine()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("quotecast.conf")), QSettings::IniFormat);
    Preferences preferences(settings);
    AppOptions last;
    last.market.priceModel = PriceModel::gbm(4000, 50);
    last.saveTo(preferences);
    const AppOptions saved = AppOptions::fromSettings(preferences);
    QCOMPARE(saved.market.priceModel, PriceModel::gbm(4000, 50));

    AppOptions::Outcome outcome;
    QString message;
    QCOMPARE(parse({}, &outcome, &message, saved).market.priceModel, PriceModel::gbm(4000, 50));
    // Only what is given changes: the remembered drift stays with a new volatility.
    QCOMPARE(parse({ "--volatility", "1" }, &outcome, &message, saved).market.priceModel,
             PriceModel::gbm(10'000, 50));
    // A model given starts from its own defaults.
    QCOMPARE(parse({ "--model", "uniform" }, &outcome, &message, saved).market.priceModel,
             PriceModel::uniform());
}

void TestMarketOptions::rememberedModelOutOfRangeIsIgnored()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("quotecast.conf")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("feed/model"), QStringLiteral("gbm"));
    settings.setValue(QStringLiteral("feed/volatilityPpm"), 0);
    settings.setValue(QStringLiteral("feed/driftPpm"), 0);
    QCOMPARE(AppOptions::fromSettings(Preferences(settings)).market.priceModel, PriceModel());
    settings.setValue(QStringLiteral("feed/volatilityPpm"), 2500);
    settings.setValue(QStringLiteral("feed/model"), QStringLiteral("heston"));
    QCOMPARE(AppOptions::fromSettings(Preferences(settings)).market.priceModel, PriceModel());
    settings.setValue(QStringLiteral("feed/model"), QStringLiteral("gbm"));
    QCOMPARE(AppOptions::fromSettings(Preferences(settings)).market.priceModel, PriceModel::gbm());
}

QTEST_GUILESS_MAIN(TestMarketOptions)
#include "tst_marketoptions.moc"
