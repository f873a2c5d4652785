#include <server/sse/resumebuffer.h>

#include <QTest>

using namespace quotecast;

class TestResumeBuffer : public QObject
{
    Q_OBJECT

private slots:
    void eventsAfter_data();
    void eventsAfter();
    void filtersBySymbol();
    void staysBounded();
    void aReplayPastItsByteBudgetIsNotBuilt();
};

namespace {
// Events 1..count, symbols alternating A, B; each encoded as "<seq>;".
ResumeBuffer filled(int capacity, int count)
{
    ResumeBuffer history(capacity);
    for (int seq = 1; seq <= count; ++seq)
        history.append(quint64(seq), seq % 2 ? QStringLiteral("A") : QStringLiteral("B"),
                       QByteArray::number(seq) + ';');
    return history;
}
} // namespace

void TestResumeBuffer::eventsAfter_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("count");
    QTest::addColumn<quint64>("afterSeq");
    QTest::addColumn<bool>("resumable");
    QTest::addColumn<QByteArray>("events");
    QTest::addRow("empty history, nothing missed") << 5 << 0 << quint64(0) << true << QByteArray();
    QTest::addRow("from the start") << 5 << 3 << quint64(0) << true << QByteArray("1;2;3;");
    QTest::addRow("in the middle") << 5 << 5 << quint64(2) << true << QByteArray("3;4;5;");
    QTest::addRow("up to date") << 5 << 5 << quint64(5) << true << QByteArray();
    QTest::addRow("oldest kept is next") << 3 << 10 << quint64(7) << true << QByteArray("8;9;10;");
    QTest::addRow("too old") << 3 << 10 << quint64(6) << false << QByteArray();
    QTest::addRow("from the future") << 5 << 5 << quint64(6) << false << QByteArray();
    QTest::addRow("no history kept") << 0 << 5 << quint64(3) << false << QByteArray();
    QTest::addRow("no history, up to date") << 0 << 5 << quint64(5) << true << QByteArray();
}

void TestResumeBuffer::eventsAfter()
{
    QFETCH(int, capacity);
    QFETCH(int, count);
    QFETCH(quint64, afterSeq);
    QFETCH(bool, resumable);
    QFETCH(QByteArray, events);
    const ResumeBuffer history = filled(capacity, count);
    const std::optional<QByteArray> missed = history.eventsAfter(afterSeq, {});
    QCOMPARE(missed.has_value(), resumable);
    if (missed)
        QCOMPARE(*missed, events);
}

void TestResumeBuffer::filtersBySymbol()
{
    const ResumeBuffer history = filled(10, 6);
    QCOMPARE(history.eventsAfter(1, { QStringLiteral("A") }).value(), QByteArray("3;5;"));
    QCOMPARE(history.eventsAfter(1, { QStringLiteral("A"), QStringLiteral("B") }).value(),
             QByteArray("2;3;4;5;6;"));
}

void TestResumeBuffer::staysBounded()
{
    const ResumeBuffer history = filled(100, 100'000);
    QCOMPARE(history.size(), 100);
    QCOMPARE(history.lastSeq(), quint64(100'000));
}

void TestResumeBuffer::aReplayPastItsByteBudgetIsNotBuilt()
{
    const ResumeBuffer history = filled(10, 6); // "1;2;3;4;5;6;", 12 bytes
    QCOMPARE(history.eventsAfter(0, {}, 12).value(), QByteArray("1;2;3;4;5;6;"));
    QVERIFY(!history.eventsAfter(0, {}, 11));
    // Only what the filter lets through counts: "1;3;5;" is 6 bytes.
    QCOMPARE(history.eventsAfter(0, { QStringLiteral("A") }, 6).value(), QByteArray("1;3;5;"));
}

QTEST_GUILESS_MAIN(TestResumeBuffer)
#include "tst_resumebuffer.moc"
