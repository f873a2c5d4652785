#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The shape of an answer's body, so that the output an example shows can be compared with
// what the server sends today without comparing prices and times: JSON as its keys and value
// types (recursively; an array as the shapes of its elements), a stream as its kinds of event.
namespace BodyShape {

// Example output as printed in a document: lines joined, "..." (elided elements) removed.
std::optional<QJsonValue> jsonFromShown(const QStringList &lines, QString *error);
// "{change:number,price:number,symbol:string}", keys sorted; an array lists each distinct shape
// of its elements once: "[number]".
QString of(const QJsonValue &value);
// Where `actual` differs in shape from `shown`: "quotes[].recent: missing" ...
QStringList differences(const QJsonValue &shown, const QJsonValue &actual,
                        const QString &path = QStringLiteral("body"));

// One event block of a stream: the fields it has and what its data holds.
struct SseBlock
{
    int line = 0; // in the document, for shown output
    QStringList fields; // in order, e.g. "id", "data"
    QString event; // the `event:` name, empty for unnamed events
    QString id;
    QString data;

    // "id+data, data {change:number,...}": fields, event name and the shape of the data.
    QString signature() const;
    std::optional<QJsonValue> json() const;
};
// Blocks of shown output; a "..." line stands for elided blocks and is skipped.
QList<SseBlock> sseFromShown(const QStringList &lines, int firstLine);
// The complete blocks of a received stream body (comments skipped).
QList<SseBlock> sseFromBody(const QByteArray &body);
// The blocks with consecutive ones of the same signature merged (the first one kept): a stream
// as its sequence of kinds, e.g. retry, status, snapshot without id, events with ids.
QList<SseBlock> collapsed(const QList<SseBlock> &blocks);

} // namespace BodyShape
