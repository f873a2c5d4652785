#include "dashboardsettings.h"
#include "localhub.h"
#include "sseclient.h"
#include <feed/marketsimulator.h>
#include <widgets/mainwindow.h>
#include <widgets/qrcodewidget.h>

#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTest>

using namespace quotecast;

// What the window shows of the server, rendered offscreen: the client count of a real server,
// the URL as a link and a QR code, picking among addresses (remembered), Copy URL, and how
// relaying to nchan goes.
class TestDashboardServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void clientCountFollowsConnections();
    void showsTheServerUrlAsALinkAndQrCode();
    void severalAddressesCanBePickedAndTheChoiceIsRemembered();
    void copyUrlPutsItOnTheClipboard();
    void showsHowRelayingToNchanGoes();
};

void TestDashboardServer::initTestCase()
{
    useThrowAwaySettings();
}

void TestDashboardServer::init()
{
    QSettings().clear();
}

void TestDashboardServer::clientCountFollowsConnections()
{
    MarketSimulator market;
    const auto hub = startLocalHub(market);
    QVERIFY(hub);
    MainWindow window(&market);
    connect(hub.get(), &StreamHub::clientCountChanged, &window, &MainWindow::setClientCount);
    auto *label = window.findChild<QLabel *>(QStringLiteral("clientsLabel"));
    QVERIFY(label);
    QVERIFY2(label->text().startsWith(u"0 "), qPrintable(label->text()));

    auto first = std::make_unique<SseClient>();
    SseClient second;
    first->open(hub->serverPort());
    second.open(hub->serverPort());
    QTRY_VERIFY2(label->text().startsWith(u"2 "), qPrintable(label->text()));
    first.reset();
    QTRY_VERIFY2(label->text().startsWith(u"1 "), qPrintable(label->text()));
}

void TestDashboardServer::showsTheServerUrlAsALinkAndQrCode()
{
    MarketSimulator market;
    MainWindow window(&market);
    const QUrl url(QStringLiteral("http://192.0.2.7:8080/"));
    window.setServerUrls({ url });
    auto *label = window.findChild<QLabel *>(QStringLiteral("urlLabel"));
    QVERIFY(label);
    QVERIFY(label->openExternalLinks());
    QVERIFY2(label->text().contains(u"<a href=\"http://192.0.2.7:8080/\">"),
             qPrintable(label->text()));
    auto *qrCode = window.findChild<QrCodeWidget *>();
    QVERIFY(qrCode);
    QCOMPARE(qrCode->text(), url.toString());
    // One address: nothing to pick.
    QVERIFY(window.findChild<QComboBox *>(QStringLiteral("addressCombo"))->isHidden());
}

void TestDashboardServer::severalAddressesCanBePickedAndTheChoiceIsRemembered()
{
    MarketSimulator market;
    const QList<QUrl> urls { QUrl(QStringLiteral("http://192.0.2.7:8080/")),
                             QUrl(QStringLiteral("http://198.51.100.4:8080/")),
                             QUrl(QStringLiteral("http://[2001:db8::5]:8080/")) };
    {
        MainWindow window(&market);
        window.setServerUrls(urls);
        auto *combo = window.findChild<QComboBox *>(QStringLiteral("addressCombo"));
        QVERIFY(!combo->isHidden());
        QCOMPARE(combo->count(), 3);
        QCOMPARE(window.serverUrl(), urls[0]);
        combo->setCurrentIndex(2);
        QCOMPARE(window.serverUrl(), urls[2]);
        QCOMPARE(window.findChild<QrCodeWidget *>()->text(),
                 QStringLiteral("http://[2001:db8::5]:8080/"));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("urlLabel"))
                    ->text()
                    .contains(u"2001:db8::5"));
    }
    MainWindow next(&market);
    next.setServerUrls(urls);
    QCOMPARE(next.serverUrl(), urls[2]);
}

void TestDashboardServer::copyUrlPutsItOnTheClipboard()
{
    MarketSimulator market;
    MainWindow window(&market);
    window.setServerUrls({ QUrl(QStringLiteral("http://192.0.2.7:8080/")) });
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("copyUrlButton")),
                      Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("http://192.0.2.7:8080/"));
}

void TestDashboardServer::showsHowRelayingToNchanGoes()
{
    MarketSimulator market;
    MainWindow window(&market);
    window.show();
    auto *label = window.findChild<QLabel *>(QStringLiteral("publisherLabel"));
    QVERIFY(label);
    QVERIFY(!label->isVisible()); // nothing to say without --publish
    window.setPublisherStatus({ false, 12, 40, 3, QStringLiteral("Connection refused") });
    QVERIFY(label->isVisible());
    QVERIFY2(label->text().contains(u"Connection refused") && label->text().contains(u"12")
                 && label->text().contains(u"3"),
             qPrintable(label->text()));
    window.setPublisherStatus({ true, 0, 52, 3, QString() });
    QVERIFY2(!label->text().contains(u"Connection refused") && !label->text().contains(u"12"),
             qPrintable(label->text()));
}

QTEST_MAIN(TestDashboardServer)
#include "tst_dashboardserver.moc"
