#include <widgets/qrcode.h>
#include <widgets/qrcodewidget.h>

#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <optional>

using namespace quotecast;

// The encoder against the QR code specification's fixed patterns, and the widget against a
// real decoder: what it draws must scan back to the text it was given.
class TestQrCode : public QObject
{
    Q_OBJECT

private slots:
    void sizeIsAVersionSize_data();
    void sizeIsAVersionSize();
    void sameTextGivesTheSameCode();
    void emptyOrTooLongTextGivesANullCode();
    void longerTextGivesABiggerCode();
    void finderPatternsSitInThreeCorners_data();
    void finderPatternsSitInThreeCorners();
    void renderedCodeDecodesToItsUrl_data();
    void renderedCodeDecodesToItsUrl();
    void renderedModulesMatchTheCode();
    void staysBlackOnWhiteInADarkTheme();
    void describesItselfToAccessibility();

private:
    // What zbarimg reads from `image`; nullopt when it reads nothing, and `error` says why.
    static std::optional<QString> decode(const QImage &image, QString *error);
};

namespace {
const QString LanUrl = QStringLiteral("http://192.168.1.23:8080/");
const QString LongUrl = QStringLiteral(
    "http://quotecast-dashboard.example.lan:8080/?symbols=AAPL,MSFT,GOOG,AMZN,NVDA,META"
    "&theme=dark&interval=250&lastEventId=1234567890");

// The 7x7 finder pattern whose top-left module is (left, top): a dark ring, a light ring,
// a dark 3x3 centre, and a light separator along its sides facing the symbol.
bool hasFinderAt(const QrCode &code, int left, int top)
{
    for (int y = -1; y <= 7; ++y) {
        for (int x = -1; x <= 7; ++x) {
            const int ring = qMax(qAbs(x - 3), qAbs(y - 3)); // 0 is the centre, 4 the separator
            const bool dark = ring <= 1 || ring == 3;
            if (code.isDark(left + x, top + y) != dark)
                return false;
        }
    }
    return true;
}

QImage render(const QString &text, int side, const QPalette *palette = nullptr)
{
    QrCodeWidget widget;
    if (palette)
        widget.setPalette(*palette);
    widget.setText(text);
    widget.resize(side, side);
    return widget.grab().toImage();
}

bool isBlack(QRgb pixel)
{
    return qGray(pixel) < 128;
}
} // namespace

void TestQrCode::sizeIsAVersionSize_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("one letter") << QStringLiteral("a");
    QTest::addRow("lan url") << LanUrl;
    QTest::addRow("ipv6 url") << QStringLiteral("http://[fe80::1]:8080/");
    QTest::addRow("long url") << LongUrl;
    QTest::addRow("non-ascii") << QStringLiteral("http://bücher.example/€");
    QTest::addRow("2000 bytes") << QString(2000, u'x');
}

void TestQrCode::sizeIsAVersionSize()
{
    QFETCH(QString, text);
    const QrCode code = QrCode::encode(text);
    QVERIFY(!code.isNull());
    // Version v has 17 + 4v modules per side, v from 1 to 40.
    QVERIFY2(code.size() >= 21 && code.size() <= 177, qPrintable(QString::number(code.size())));
    QCOMPARE((code.size() - 17) % 4, 0);
}

void TestQrCode::sameTextGivesTheSameCode()
{
    QCOMPARE(QrCode::encode(LanUrl), QrCode::encode(LanUrl));
    QVERIFY(QrCode::encode(LanUrl) != QrCode::encode(QStringLiteral("http://192.168.1.24:8080/")));
    // Case matters in a URL's path and query.
    QVERIFY(QrCode::encode(QStringLiteral("http://a/?s=AAPL"))
            != QrCode::encode(QStringLiteral("http://a/?s=aapl")));
}

void TestQrCode::emptyOrTooLongTextGivesANullCode()
{
    const QrCode nothing;
    QVERIFY(nothing.isNull());
    QCOMPARE(nothing.size(), 0);
    QVERIFY(!nothing.isDark(0, 0));

    const QrCode empty = QrCode::encode(QString());
    QVERIFY(empty.isNull());
    QCOMPARE(empty.size(), 0);

    // Version 40 at level M holds 2331 bytes.
    const QrCode tooLong = QrCode::encode(QString(2332, u'x'));
    QVERIFY(tooLong.isNull());
    QCOMPARE(tooLong.size(), 0);
    QVERIFY(!QrCode::encode(QString(2331, u'x')).isNull());
}

void TestQrCode::longerTextGivesABiggerCode()
{
    const int lan = QrCode::encode(LanUrl).size();
    const int longer = QrCode::encode(LongUrl).size();
    QVERIFY2(longer > lan, qPrintable(QStringLiteral("%1 <= %2").arg(longer).arg(lan)));
    // A short URL fits a small version, which keeps the modules big on screen.
    QVERIFY2(lan <= 29, qPrintable(QString::number(lan)));
}

void TestQrCode::finderPatternsSitInThreeCorners_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("lan url") << LanUrl;
    QTest::addRow("long url") << LongUrl;
    QTest::addRow("version 40") << QString(2331, u'x');
}

void TestQrCode::finderPatternsSitInThreeCorners()
{
    QFETCH(QString, text);
    const QrCode code = QrCode::encode(text);
    const int far = code.size() - 7;
    QVERIFY(hasFinderAt(code, 0, 0));
    QVERIFY(hasFinderAt(code, far, 0));
    QVERIFY(hasFinderAt(code, 0, far));
    QVERIFY(!hasFinderAt(code, far, far));
    // Between the finders, row 6 and column 6 alternate dark and light (the timing patterns).
    for (int i = 8; i < far - 1; ++i) {
        QCOMPARE(code.isDark(i, 6), i % 2 == 0);
        QCOMPARE(code.isDark(6, i), i % 2 == 0);
    }
    // The one module that is always dark, next to the bottom-left finder.
    QVERIFY(code.isDark(8, code.size() - 8));
}

std::optional<QString> TestQrCode::decode(const QImage &image, QString *error)
{
    const QString zbarimg = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("code.png"));
    if (!dir.isValid() || !image.save(file)) {
        *error = QStringLiteral("cannot save the image to ") + file;
        return std::nullopt;
    }
    QProcess process;
    process.start(zbarimg, { QStringLiteral("--raw"), QStringLiteral("-q"), file });
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit) {
        *error = QStringLiteral("zbarimg did not finish: ") + process.errorString();
        return std::nullopt;
    }
    if (process.exitCode() != 0) {
        *error = QStringLiteral("zbarimg found no code (exit code %1)").arg(process.exitCode());
        return std::nullopt;
    }
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

void TestQrCode::renderedCodeDecodesToItsUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("side");
    const QList<QString> urls { LanUrl, QStringLiteral("http://[fe80::1]:8080/"),
                                QStringLiteral("http://[2001:db8::8a2e:370:7334]:8080/"), LongUrl };
    for (const QString &url : urls) {
        for (int side : { 200, 333 })
            QTest::addRow("%s at %d px", qPrintable(url), side) << url << side;
    }
}

void TestQrCode::renderedCodeDecodesToItsUrl()
{
    if (QStandardPaths::findExecutable(QStringLiteral("zbarimg")).isEmpty())
        QSKIP("zbarimg not on PATH; packaging/install-deps.sh installs it (zbar-tools)");
    QFETCH(QString, url);
    QFETCH(int, side);
    const QImage image = render(url, side);
    QCOMPARE(image.size(), QSize(side, side));
    QString error;
    const std::optional<QString> decoded = decode(image, &error);
    QVERIFY2(decoded, qPrintable(error));
    QCOMPARE(*decoded, url);
}

void TestQrCode::renderedModulesMatchTheCode()
{
    const QrCode code = QrCode::encode(LanUrl);
    const int modulePixels = 5;
    const int side = (code.size() + 2 * QrCodeWidget::QuietZoneModules) * modulePixels;
    const QImage image = render(LanUrl, side);
    const int codeTop = QrCodeWidget::QuietZoneModules * modulePixels;

    // Measure the grid from the image itself: along the top row of the symbol, the first dark
    // run is the top-left finder's edge, 7 modules wide, and the last dark pixel ends the
    // top-right finder.
    int first = -1;
    int last = -1;
    for (int x = 0; x < image.width(); ++x) {
        if (isBlack(image.pixel(x, codeTop))) {
            if (first < 0)
                first = x;
            last = x;
        }
    }
    QVERIFY(first >= 0);
    int runEnd = first;
    while (runEnd < image.width() && isBlack(image.pixel(runEnd, codeTop)))
        ++runEnd;
    QCOMPARE(runEnd - first, 7 * modulePixels);
    const int measuredModule = (runEnd - first) / 7;
    QCOMPARE(first, codeTop); // the quiet zone is the same on the left as at the top
    QCOMPARE((last - first + 1) / measuredModule, code.size());

    for (int y = 0; y < code.size(); ++y) {
        for (int x = 0; x < code.size(); ++x) {
            const QRgb centre = image.pixel(first + x * measuredModule + measuredModule / 2,
                                            codeTop + y * measuredModule + measuredModule / 2);
            QVERIFY2(isBlack(centre) == code.isDark(x, y),
                     qPrintable(QStringLiteral("module %1,%2").arg(x).arg(y)));
        }
    }
}

void TestQrCode::staysBlackOnWhiteInADarkTheme()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::WindowText, Qt::white);
    dark.setColor(QPalette::Base, Qt::black);
    dark.setColor(QPalette::Text, Qt::white);
    const QImage image = render(LanUrl, 200, &dark);
    // 200 px is not a multiple of the module grid; the quiet zone starts a few pixels in.
    const QrCode code = QrCode::encode(LanUrl);
    const int modules = code.size() + 2 * QrCodeWidget::QuietZoneModules;
    const int modulePixels = 200 / modules;
    const int origin = (200 - modules * modulePixels) / 2;
    QCOMPARE(image.pixel(origin + 1, origin + 1), qRgb(255, 255, 255)); // quiet zone
    const int finder = origin + QrCodeWidget::QuietZoneModules * modulePixels + 1;
    QCOMPARE(image.pixel(finder, finder), qRgb(0, 0, 0));

    if (QStandardPaths::findExecutable(QStringLiteral("zbarimg")).isEmpty())
        QSKIP("zbarimg not on PATH; packaging/install-deps.sh installs it (zbar-tools)");
    QString error;
    const std::optional<QString> decoded = decode(image, &error);
    QVERIFY2(decoded, qPrintable(error));
    QCOMPARE(*decoded, LanUrl);
}

void TestQrCode::describesItselfToAccessibility()
{
    QrCodeWidget widget;
    QVERIFY(widget.code().isNull());
    widget.setUrl(QUrl(LanUrl));
    QCOMPARE(widget.text(), LanUrl);
    QCOMPARE(widget.code(), QrCode::encode(LanUrl));
    QVERIFY(widget.accessibleName().contains(LanUrl));
    QVERIFY(widget.accessibleDescription().contains(LanUrl));
    QVERIFY(widget.hasHeightForWidth());
    QCOMPARE(widget.heightForWidth(240), 240);
    QCOMPARE(widget.sizeHint().width(), widget.sizeHint().height());

    widget.setText(QString());
    QVERIFY(widget.code().isNull());
    QVERIFY(!widget.accessibleName().contains(LanUrl));
}

QTEST_MAIN(TestQrCode)
#include "tst_qrcode.moc"
