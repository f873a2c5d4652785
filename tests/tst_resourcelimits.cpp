#include <platform/resourcelimits.h>

#include <QTest>

#include <limits>

#include <sys/resource.h>

using namespace quotecast;

// The open-file limit: raised to the hard limit, and what it leaves for streams.
class TestResourceLimits : public QObject
{
    Q_OBJECT

private slots:
    void raisesTheSoftLimitToTheHardLimit();
    void streamCapacityLeavesAReserve_data();
    void streamCapacityLeavesAReserve();
};

void TestResourceLimits::raisesTheSoftLimitToTheHardLimit()
{
#if !QUOTECAST_LINUX_PARTS
    QCOMPARE(raiseFileDescriptorLimit(), -1L); // the portable build knows no limit
    QSKIP("setrlimit is POSIX; the portable build does not raise the limit");
#endif
    rlimit limit {};
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &limit), 0);
    limit.rlim_cur = qMin<rlim_t>(limit.rlim_max, 512);
    QCOMPARE(setrlimit(RLIMIT_NOFILE, &limit), 0);

    const long raised = raiseFileDescriptorLimit();
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &limit), 0);
    QCOMPARE(rlim_t(raised), limit.rlim_max);
    QCOMPARE(limit.rlim_cur, limit.rlim_max);
}

void TestResourceLimits::streamCapacityLeavesAReserve_data()
{
    QTest::addColumn<long>("limit");
    QTest::addColumn<int>("capacity");
    QTest::addRow("this machine's hard limit") << 20000L << 19744;
    QTest::addRow("the usual soft limit") << 1024L << 768;
    QTest::addRow("less than the reserve") << 100L << 1;
    QTest::addRow("unknown: no cap") << -1L << std::numeric_limits<int>::max();
}

void TestResourceLimits::streamCapacityLeavesAReserve()
{
    QFETCH(long, limit);
    QFETCH(int, capacity);
    QCOMPARE(streamCapacity(limit), capacity);
}

QTEST_GUILESS_MAIN(TestResourceLimits)
#include "tst_resourcelimits.moc"
