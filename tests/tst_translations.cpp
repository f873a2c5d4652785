#include <app/appoptions.h>
#include <app/translations.h>
#include <feed/marketsimulator.h>
#include <widgets/mainwindow.h>
#include <widgets/pricecard.h>

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QXmlStreamReader>

using namespace quotecast;

// The window and the command line in French and in English, with the translations
// compiled into the resources, and the .ts files themselves.
class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void frenchLocaleGetsTheFrenchWindow();
    void frenchCommandLineErrors();
    void englishPluralForms();
    void unknownLanguageFallsBackToEnglish();
    void frenchTranslationIsCompleteAndKeepsPlaceholders();
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestTranslations::cleanup()
{
    QLocale::setDefault(QLocale::c());
}

void TestTranslations::frenchLocaleGetsTheFrenchWindow()
{
    const QLocale french(QLocale::French, QLocale::France);
    QLocale::setDefault(french);
    const Translations translations(french);
    QCOMPARE(translations.language(), QStringLiteral("fr"));

    MarketSimulator market({ { QStringLiteral("GOOG"), 1500'00 } });
    market.start();
    MainWindow window(&market);
    QVERIFY2(window.windowTitle().contains(u"en direct"), qPrintable(window.windowTitle()));
    QCOMPARE(window.findChild<QPushButton *>(QStringLiteral("startStopButton"))->text(),
             QStringLiteral("Arrêter"));
    QCOMPARE(window.findChild<QAction *>(QStringLiteral("actionCopyUrl"))->text(),
             QStringLiteral("&Copier l’URL"));
    window.setClientCount(2);
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("clientsLabel"))->text(),
             QStringLiteral("2 navigateurs connectés"));
    market.stop();
    QVERIFY2(window.windowTitle().contains(u"en pause"), qPrintable(window.windowTitle()));

    // Prices in the French way: a narrow no-break space groups thousands, a comma
    // separates the cents.
    PriceCard *card = window.card(QStringLiteral("GOOG"));
    QCOMPARE(card->priceText(), QStringLiteral("1\u202f500,00"));
    QVERIFY2(card->toolTip().contains(u"ouverture 1\u202f500,00"), qPrintable(card->toolTip()));
}

void TestTranslations::frenchCommandLineErrors()
{
    const Translations translations(QLocale(QLocale::French, QLocale::Canada));
    AppOptions::Outcome outcome;
    QString message;
    AppOptions::parse(
        { QStringLiteral("quotecast"), QStringLiteral("--port"), QStringLiteral("99999") },
        &outcome, &message);
    QCOMPARE(outcome, AppOptions::Outcome::Error);
    QVERIFY2(message.contains(u"doit être un nombre entier"), qPrintable(message));
}

void TestTranslations::englishPluralForms()
{
    const Translations translations(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QCOMPARE(translations.language(), QStringLiteral("en"));
    MarketSimulator market;
    MainWindow window(&market);
    auto *label = window.findChild<QLabel *>(QStringLiteral("clientsLabel"));
    window.setClientCount(1);
    QCOMPARE(label->text(), QStringLiteral("1 browser connected"));
    window.setClientCount(3);
    QCOMPARE(label->text(), QStringLiteral("3 browsers connected"));
}

void TestTranslations::unknownLanguageFallsBackToEnglish()
{
    const Translations translations(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(translations.language(), QStringLiteral("en"));
    MarketSimulator market;
    MainWindow window(&market);
    window.setClientCount(1);
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("clientsLabel"))->text(),
             QStringLiteral("1 browser connected"));
    QVERIFY(window.windowTitle().contains(u"paused"));
}

void TestTranslations::frenchTranslationIsCompleteAndKeepsPlaceholders()
{
    QFile file(QStringLiteral(QUOTECAST_SOURCE_DIR "/resources/translations/quotecast_fr.ts"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    static const QRegularExpression placeholder(QStringLiteral("%(\\d|n)"));
    const auto placeholders = [](const QString &text) {
        QStringList found;
        for (const QRegularExpressionMatch &match : placeholder.globalMatch(text))
            found.append(match.captured());
        found.sort();
        return found;
    };
    QXmlStreamReader xml(&file);
    QString source;
    bool numerus = false;
    int messages = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"message") {
            numerus = xml.attributes().value(QStringLiteral("numerus")) == u"yes";
        } else if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"translation" || xml.name() == u"numerusform") {
            const QString type = xml.attributes().value(QStringLiteral("type")).toString();
            QVERIFY2(type.isEmpty(), qPrintable(type + QStringLiteral(": ") + source));
            if (numerus && xml.name() == u"translation")
                continue; // its forms follow as children
            const QString translation = xml.readElementText();
            QVERIFY2(!translation.isEmpty(), qPrintable(QStringLiteral("untranslated: ") + source));
            QCOMPARE(placeholders(translation), placeholders(source));
            ++messages;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 40);
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
