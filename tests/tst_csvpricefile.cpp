#include "replayrows.h"
#include <replay/csvpricefile.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <memory>

using namespace quotecast;

Q_DECLARE_METATYPE(quotecast::CsvPriceFile::Format)

// One CSV file of prices read on its own: each format's closes, the symbol from the file name,
// and the message for each way a file can be malformed (tst_csvfields reads the fields).
class TestCsvPriceFile : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void readsEachFormat_data();
    void readsEachFormat();
    void symbolFromTheFileName_data();
    void symbolFromTheFileName();
    void malformedFilesAreRefused_data();
    void malformedFilesAreRefused();
    void aDeviceIsRefused();
    void aFileChangedSinceItsCheckFails_data();
    void aFileChangedSinceItsCheckFails();

private:
    QString write(const QString &name, const QByteArray &content) const;
    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

using Rows = ReplayRows;

ReplayRow day(const char *symbol, int year, int month, int day, qint64 cents)
{
    const QDateTime midnight(QDate(year, month, day), QTime(0, 0), Qt::UTC);
    return { QString::fromLatin1(symbol), cents, midnight.toMSecsSinceEpoch(), true };
}

ReplayRow at(const char *symbol, const char *utc, qint64 cents)
{
    const QDateTime time = QDateTime::fromString(QString::fromLatin1(utc), Qt::ISODateWithMs);
    Q_ASSERT(time.isValid());
    return { QString::fromLatin1(symbol), cents, time.toMSecsSinceEpoch(), false };
}

// Every row of `file` from its start, checking that it ends without an error.
Rows readAll(CsvPriceFile *file)
{
    Rows rows;
    ReplayRow row;
    CsvPriceFile::Result result;
    while ((result = file->next(&row)) == CsvPriceFile::Result::Row)
        rows.append(row);
    if (result == CsvPriceFile::Result::Error)
        qWarning("%s", qPrintable(file->errorString()));
    return result == CsvPriceFile::Result::End ? rows : Rows();
}

// The error of opening `path` and reading it to the end, as open() and the check do.
QString errorOf(const QString &path, const QString &symbol = QString())
{
    CsvPriceFile file(path, symbol);
    if (!file.open())
        return file.errorString();
    ReplayRow row;
    CsvPriceFile::Result result;
    while ((result = file.next(&row)) == CsvPriceFile::Result::Row) { }
    return result == CsvPriceFile::Result::Error ? file.errorString() : QStringLiteral("(none)");
}

// What a download from Yahoo Finance looks like, with the row of `null` it writes for a day
// without prices.
const char YahooFile[] = "Date,Open,High,Low,Close,Adj Close,Volume\n"
                         "2024-01-02,187.149994,188.440002,183.889999,185.639999,184.734970,"
                         "82488700\n"
                         "2024-01-03,184.220001,185.880005,183.429993,184.250000,183.351761,"
                         "58414500\n"
                         "2024-01-04,null,null,null,null,null,null\n"
                         "2024-01-05,181.990005,182.759995,180.169998,181.179993,180.296707,"
                         "62303300\n";
const char YahooHeader[] = "Date,Open,High,Low,Close,Adj Close,Volume\n";

} // namespace

void TestCsvPriceFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestCsvPriceFile::write(const QString &name, const QByteArray &content) const
{
    QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestCsvPriceFile::readsEachFormat_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("symbol"); // given as SYMBOL=path
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<CsvPriceFile::Format>("format");
    QTest::addColumn<Rows>("rows");
    const Rows yahoo = { day("AAPL", 2024, 1, 2, 185'64), day("AAPL", 2024, 1, 3, 184'25),
                         day("AAPL", 2024, 1, 5, 181'18) };
    QTest::addRow("Yahoo Finance, a null day skipped")
        << "AAPL.csv"
        << "" << QByteArray(YahooFile) << CsvPriceFile::Format::YahooFinance << yahoo;
    QTest::addRow("Yahoo Finance, BOM, CRLF, blank line at the end")
        << "AAPL.csv"
        << "" << ("\xEF\xBB\xBF" + QByteArray(YahooFile).replace("\n", "\r\n") + "\r\n")
        << CsvPriceFile::Format::YahooFinance << yahoo;
    QTest::addRow("Yahoo Finance, named")
        << "download.csv"
        << "BRK.B"
        << QByteArray("Date,Open,High,Low,Close,Adj Close,Volume\n"
                      "2024-01-02,362.609985,364.440002,361.359985,362.399994,362.399994,3867700\n")
        << CsvPriceFile::Format::YahooFinance << Rows { day("BRK.B", 2024, 1, 2, 362'40) };
    QTest::addRow("Stooq") << "aapl_us_d.csv"
                           << ""
                           << QByteArray("Date,Open,High,Low,Close,Volume\n"
                                         "2024-01-02,186.033,187.305,182.793,184.532,82488674\n"
                                         "2024-01-03,182.911,184.537,182.097,183.15,58414460\n")
                           << CsvPriceFile::Format::Stooq
                           << Rows { day("AAPL", 2024, 1, 2, 184'53),
                                     day("AAPL", 2024, 1, 3, 183'15) };
    QTest::addRow("Stooq without Volume")
        << "msft.us.txt"
        << "" << QByteArray("Date,Open,High,Low,Close\n1999-12-31,58.6,58.9,58.1,58.375\n")
        << CsvPriceFile::Format::Stooq << Rows { day("MSFT", 1999, 12, 31, 58'38) };
    QTest::addRow("header in other case, spaces, quotes and order")
        << "ibm.csv"
        << ""
        << QByteArray(
               " \"CLOSE\" , volume,DATE\n\"134.5\",\"1,000\",2024-01-02\n 150.1 ,2, 2024-01-03\n")
        << CsvPriceFile::Format::Stooq
        << Rows { day("IBM", 2024, 1, 2, 134'50), day("IBM", 2024, 1, 3, 150'10) };
    // Rows of one symbol oldest first; another symbol's may be older (ordered by seq).
    const QByteArray exported = "seq,time,symbol,price,change\n"
                                "7,2026-11-30T11:56:30.123Z,AAPL,170.07,0.07\n"
                                "8,2026-11-30T11:56:30.100Z,MSFT,249.97,-0.03\n"
                                "9,2026-11-30T11:56:32.000Z,AAPL,170.00,-0.07\n";
    QTest::addRow("quotecast's export") << "ticks.csv"
                                        << "" << exported << CsvPriceFile::Format::QuotecastExport
                                        << Rows { at("AAPL", "2026-11-30T11:56:30.123Z", 170'07),
                                                  at("MSFT", "2026-11-30T11:56:30.100Z", 249'97),
                                                  at("AAPL", "2026-11-30T11:56:32.000Z", 170'00) };
    QTest::addRow("quotecast's export, one symbol of it")
        << "ticks.csv"
        << "MSFT" << exported << CsvPriceFile::Format::QuotecastExport
        << Rows { at("MSFT", "2026-11-30T11:56:30.100Z", 249'97) };
}

void TestCsvPriceFile::readsEachFormat()
{
    QFETCH(QString, name);
    QFETCH(QString, symbol);
    QFETCH(QByteArray, content);
    QFETCH(CsvPriceFile::Format, format);
    QFETCH(Rows, rows);
    CsvPriceFile file(write(name, content), symbol);
    QVERIFY2(file.open(), qPrintable(file.errorString()));
    QCOMPARE(file.format(), format);
    QCOMPARE(readAll(&file), rows);
    QVERIFY(file.isChecked());
    QCOMPARE(file.rowCount(), rows.size());
    // Read again from the start: the same rows.
    QVERIFY2(file.rewind(), qPrintable(file.errorString()));
    QCOMPARE(readAll(&file), rows);
}

void TestCsvPriceFile::symbolFromTheFileName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("symbol");
    QTest::addRow("Yahoo Finance") << "AAPL.csv"
                                   << "AAPL";
    QTest::addRow("Stooq csv") << "aapl_us_d.csv"
                               << "AAPL";
    QTest::addRow("Stooq txt") << "aapl.us.txt"
                               << "AAPL";
    QTest::addRow("no extension") << "tsla"
                                  << "TSLA";
    QTest::addRow("digits") << "x2_d.csv"
                            << "X2";
}

void TestCsvPriceFile::symbolFromTheFileName()
{
    QFETCH(QString, name);
    QFETCH(QString, symbol);
    CsvPriceFile file(write(name, "Date,Close\n2024-01-02,1\n"), QString());
    QVERIFY2(file.open(), qPrintable(file.errorString()));
    QCOMPARE(file.symbol(), symbol);
}

void TestCsvPriceFile::malformedFilesAreRefused_data()
{
    // The file's name (SYMBOL=name to read one symbol of an export), its content (null: no
    // file), and the whole message, %1 standing for the path.
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    const QByteArray yahoo = YahooHeader;
    const QByteArray daily = "Date,Close\n2024-01-02,1.00\n";
    const QByteArray exportHeader = "seq,time,symbol,price,change\n";
    const QString known = QStringLiteral(
        "; the known formats are Yahoo Finance (Date,Open,High,Low,Close,Adj Close,Volume), "
        "Stooq (Date,Open,High,Low,Close,Volume) and quotecast's export "
        "(seq,time,symbol,price,change)");
    const QString notText
        = QStringLiteral("not a text file (a NUL byte, or bytes that are not UTF-8)");
    const QString range = QStringLiteral("the Close column is out of range (0.01 to 1000000): ");
    const auto add
        = [](const char *tag, const QString &name, const QByteArray &content,
             const QString &message) { QTest::addRow("%s", tag) << name << content << message; };
    const QString aapl = QStringLiteral("AAPL.csv");

    add("missing file", aapl, QByteArray(), "%1: cannot be opened: No such file or directory");
    add("a folder", QStringLiteral("MSFT.csv/"), QByteArray(),
        "%1: cannot be opened: file to open is a directory");
    add("empty", aapl, "", "%1: the file is empty");
    add("blank lines only", aapl, "\n  \r\n\t\n", "%1: the file is empty");
    add("a BOM only", aapl, "\xEF\xBB\xBF", "%1: the file is empty");
    add("header only", aapl, yahoo, "%1: no prices after the header");
    add("Stooq intraday", aapl, "Date,Time,Open,High,Low,Close,Volume\n",
        "%1, line 1: the header has a Time column: intraday prices are not supported, only daily "
        "closes");
    add("only null days", aapl, yahoo + "2024-01-04,null,null,null,null,null,null\n",
        "%1: no prices after the header");
    add("unknown header", aapl, "Open,High\n1,2\n",
        "%1, line 1: unknown header \"Open,High\"" + known);
    add("line numbers count blank lines", aapl, "\n\nfoo\n",
        "%1, line 3: unknown header \"foo\"" + known);
    add("UTF-16", aapl,
        QByteArray("\xFF\xFE"
                   "D\0a\0t\0e\0",
                   10),
        "%1, line 1: " + notText);
    add("NUL byte in a row", aapl, daily + QByteArray("2024-01-03,1\0.00\n", 16),
        "%1, line 3: " + notText);
    add("Latin-1", aapl, daily + "2024-01-03,1.00 \xE9\n", "%1, line 3: " + notText);
    add("no Close column", aapl, "Date,Open,High,Low,Adj Close,Volume\n",
        "%1, line 1: the header has no Close column");
    add("no Date column", aapl, "Open,Close\n", "%1, line 1: the header has no Date column");
    add("export without symbol", aapl, "seq,time,price,change\n",
        "%1, line 1: the header has no symbol column");
    add("row too short", aapl, yahoo + "2024-01-02,1,2,3\n",
        "%1, line 2: the Close column is missing");
    add("not a number", aapl, daily + "2024-01-03,abc\n",
        "%1, line 3: the Close column is not a number: \"abc\"");
    add("empty price", aapl, daily + "2024-01-03,\n",
        "%1, line 3: the Close column is not a number: \"\"");
    add("exponent", aapl, daily + "2024-01-03,1e3\n",
        "%1, line 3: the Close column is not a number: \"1e3\"");
    add("two dots", aapl, daily + "2024-01-03,1.2.3\n",
        "%1, line 3: the Close column is not a number: \"1.2.3\"");
    add("thousands separator", aapl, daily + "2024-01-03,\"1,234.50\"\n",
        "%1, line 3: the Close column is not a number: \"1,234.50\"");
    add("long text cut", aapl,
        daily + "2024-01-03,0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ\n",
        "%1, line 3: the Close column is not a number: "
        "\"0123456789abcdefghijklmnopqrstuvwxyzABCD\u2026\"");
    add("zero", aapl, daily + "2024-01-03,0.00\n", "%1, line 3: " + range + "\"0.00\"");
    add("rounds to zero", aapl, daily + "2024-01-03,0.004\n", "%1, line 3: " + range + "\"0.004\"");
    add("negative", aapl, daily + "2024-01-03,-1.50\n", "%1, line 3: " + range + "\"-1.50\"");
    add("past the highest", aapl, daily + "2024-01-03,1000000.005\n",
        "%1, line 3: " + range + "\"1000000.005\"");
    add("a thousand digits", aapl, daily + "2024-01-03," + QByteArray(1000, '9') + '\n',
        "%1, line 3: " + range + '"' + QString(40, u'9') + "\u2026\"");
    add("not a date", aapl, daily + "2024-02-30,1.00\n",
        "%1, line 3: the Date column is not a date like 2024-01-31: \"2024-02-30\"");
    add("American date", aapl, daily + "01/03/2024,1.00\n",
        "%1, line 3: the Date column is not a date like 2024-01-31: \"01/03/2024\"");
    add("newest first", aapl, "Date,Close\n2024-01-03,1\n2024-01-02,1\n",
        "%1, line 3: 2024-01-02 comes before 2024-01-03 of line 2: the rows must be oldest first");
    add("export: not UTC", aapl, exportHeader + "1,2026-11-30T11:56:30.123+01:00,AAPL,1.00,0.00\n",
        "%1, line 2: the time column is not a UTC time like 2026-11-30T11:56:30.123Z: "
        "\"2026-11-30T11:56:30.123+01:00\"");
    add("export: not a symbol", aapl, exportHeader + "1,2026-11-30T11:56:30.123Z,BRK-B,1.00,0.00\n",
        "%1, line 2: the symbol column is not a symbol: \"BRK-B\"");
    add("export: not a number", aapl, exportHeader + "1,2026-11-30T11:56:30.123Z,AAPL,abc,0.00\n",
        "%1, line 2: the price column is not a number: \"abc\"");
    add("export: a symbol going back", aapl,
        exportHeader
            + "1,2026-11-30T11:56:31.000Z,AAPL,1.00,0.00\n"
              "2,2026-11-30T11:56:30.000Z,MSFT,1.00,0.00\n"
              "3,2026-11-30T11:56:30.000Z,AAPL,1.00,0.00\n",
        "%1, line 4: AAPL at 2026-11-30T11:56:30.000Z comes before its row of line 2 at "
        "2026-11-30T11:56:31.000Z: each symbol's rows must be oldest first");
    QByteArray many = exportHeader;
    for (int i = 0; i <= CsvPriceFile::MaxSymbols; ++i)
        many += "1,2026-11-30T11:56:30.000Z,S" + QByteArray::number(i) + ",1.00,0.00\n";
    add("export: 51 symbols", aapl, many, "%1, line 52: more than 50 symbols, the market's most");
    add("export: none of the symbol", "MSFT=ticks.csv",
        exportHeader + "1,2026-11-30T11:56:30.000Z,AAPL,1.00,0.00\n", "%1: no prices of MSFT");
    add("file name not a symbol", "BRK-B.csv", daily,
        "%1: the file name does not start with a symbol (a letter, then up to 9 letters, digits "
        "or dots): give it as SYMBOL=path, like AAPL=%1");
    add("line of 64 KiB + 1", aapl, daily + QByteArray(64 * 1024 + 1, 'x') + '\n',
        "%1, line 3: the line is longer than 64 KiB");
    // Exactly 64 KiB is a line, however bad: the bound is not off by one.
    add("line of 64 KiB", aapl, daily + "2024-01-03," + QByteArray(64 * 1024 - 11, '1') + '\n',
        "%1, line 3: " + range + '"' + QString(40, u'1') + "\u2026\"");
}

void TestCsvPriceFile::malformedFilesAreRefused()
{

    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const QString symbol = name.contains(u'=') ? name.section(u'=', 0, 0) : QString();
    name = name.section(u'=', -1);
    if (name.endsWith(u'/')) { // a folder of that name
        name.chop(1);
        QVERIFY(QDir(m_dir->path()).mkpath(name));
    }
    const QString path = content.isNull() ? m_dir->filePath(name) : write(name, content);
    QCOMPARE(errorOf(path, symbol), message.arg(path));
}

// A pipe (`--replay <(curl ...)`) or a device cannot be read twice, and may never end. A FIFO
// with no writer is refused without being opened: opening it would wait for ever.
void TestCsvPriceFile::aDeviceIsRefused()
{
    const QString refusal = QStringLiteral(": is not a regular file (a pipe or a device): a replay "
                                           "reads its files more than once");
    QCOMPARE(errorOf(QStringLiteral("/dev/zero"), QStringLiteral("AAPL")),
             QStringLiteral("/dev/zero") + refusal);
    const QString fifo = m_dir->filePath(QStringLiteral("AAPL.fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QCOMPARE(errorOf(fifo, QStringLiteral("AAPL")), fifo + refusal);
}

void TestCsvPriceFile::aFileChangedSinceItsCheckFails_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    const QByteArray header = "Date,Close\n";
    QTest::addRow("a row more")
        << header + "2024-01-02,1\n2024-01-03,2\n2024-01-04,3\n"
        << "%1, line 4: the file changed since it was checked: it has more rows";
    QTest::addRow("a row less") << header + "2024-01-02,1\n"
                                << "%1: the file changed since it was checked: it has fewer rows";
    QTest::addRow("a malformed row") << header + "2024-01-02,1\n2024-01-03,x\n"
                                     << "%1, line 3: the Close column is not a number: \"x\"";
    QTest::addRow("another header") << QByteArray("Date,Price,Close\n2024-01-02,1,1\n")
                                    << "%1, line 1: the file changed since it was checked: its "
                                       "header differs";
}

void TestCsvPriceFile::aFileChangedSinceItsCheckFails()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const QString path
        = write(QStringLiteral("AAPL.csv"), "Date,Close\n2024-01-02,1\n2024-01-03,2\n");
    CsvPriceFile file(path, QString());
    QVERIFY(file.open());
    QCOMPARE(readAll(&file).size(), 2); // the check
    write(QStringLiteral("AAPL.csv"), content); // in place: the same file, open
    ReplayRow row;
    if (file.rewind()) {
        while (file.next(&row) == CsvPriceFile::Result::Row) { }
    }
    QCOMPARE(file.errorString(), message.arg(path));
    QCOMPARE(file.next(&row), CsvPriceFile::Result::Error); // it stays failed
}

QTEST_APPLESS_MAIN(TestCsvPriceFile)
#include "tst_csvpricefile.moc"
