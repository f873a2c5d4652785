#include <history/tickrows.h>

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace quotecast::TickRows {

Quote tickFrom(const QSqlQuery &query)
{
    return { query.value(0).toString(), query.value(1).toLongLong(), query.value(2).toLongLong(),
             query.value(3).toLongLong(), query.value(4).toULongLong() };
}

void closeConnection(const QString &connection)
{
    if (connection.isEmpty())
        return;
    QSqlDatabase::database(connection, false).close();
    QSqlDatabase::removeDatabase(connection);
}

} // namespace quotecast::TickRows
