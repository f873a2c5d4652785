#include <history/tickreader.h>

#include <history/tickrows.h>

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace quotecast {

TickReader::TickReader(const QString &path)
    : m_path(path)
{ }

TickReader::~TickReader()
{
    TickRows::closeConnection(m_connection);
}

std::optional<TickReader::Page> TickReader::ticks(const QString &symbol, qint64 sinceMs,
                                                  quint64 afterSeq, int limit, QString *error)
{
    if (m_connection.isEmpty()) {
        m_connection = QStringLiteral("quotecast-reader-%1").arg(quintptr(this), 0, 16);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=1000"));
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.isOpen()) {
        *error = db.lastError().text();
        return std::nullopt;
    }
    QSqlQuery query(db);
    // One more than asked for tells whether there are more.
    query.prepare(QStringLiteral("SELECT %1 FROM ticks WHERE symbol = ? AND ts >= ? AND seq > ? "
                                 "ORDER BY seq LIMIT ?")
                      .arg(QLatin1String(TickRows::Columns)));
    query.addBindValue(symbol);
    query.addBindValue(sinceMs);
    query.addBindValue(qint64(afterSeq));
    query.addBindValue(limit + 1);
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    Page page;
    while (query.next()) {
        if (page.ticks.size() == limit) {
            page.more = true;
            break;
        }
        page.ticks.append(TickRows::tickFrom(query));
    }
    return page;
}

} // namespace quotecast
