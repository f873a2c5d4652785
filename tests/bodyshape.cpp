#include "bodyshape.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace BodyShape {

std::optional<QJsonValue> jsonFromShown(const QStringList &lines, QString *error)
{
    QString text = lines.join(u' ');
    static const QRegularExpression elided(QStringLiteral(",\\s*\\.\\.\\.|\\.\\.\\.\\s*,?"));
    text.remove(elided);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (document.isNull()) {
        *error = QStringLiteral("not JSON (%1 at offset %2) once \"...\" is removed: %3")
                     .arg(parseError.errorString())
                     .arg(parseError.offset)
                     .arg(text);
        return std::nullopt;
    }
    return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
}

QString of(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        QStringList members;
        for (auto it = object.begin(); it != object.end(); ++it) // QJsonObject sorts its keys
            members.append(it.key() + u':' + of(it.value()));
        return u'{' + members.join(u',') + u'}';
    }
    case QJsonValue::Array: {
        QStringList shapes;
        for (const QJsonValue &element : value.toArray()) {
            if (const QString shape = of(element); !shapes.contains(shape))
                shapes.append(shape);
        }
        return u'[' + shapes.join(u'|') + u']';
    }
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::Bool:
        return QStringLiteral("bool");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QStringList differences(const QJsonValue &shown, const QJsonValue &actual, const QString &path)
{
    if (shown.type() != actual.type())
        return { QStringLiteral("%1: the example shows %2, the server sends %3")
                     .arg(path, of(shown), of(actual)) };
    QStringList found;
    if (shown.isObject()) {
        const QJsonObject a = shown.toObject(), b = actual.toObject();
        for (auto it = a.begin(); it != a.end(); ++it) {
            if (!b.contains(it.key()))
                found.append(QStringLiteral("%1.%2: shown, but the server sends no such key")
                                 .arg(path, it.key()));
            else
                found += differences(it.value(), b.value(it.key()), path + u'.' + it.key());
        }
        for (auto it = b.begin(); it != b.end(); ++it) {
            if (!a.contains(it.key()))
                found.append(
                    QStringLiteral("%1.%2: sent by the server (%3), missing in the example")
                        .arg(path, it.key(), of(it.value())));
        }
    } else if (shown.isArray()) {
        // Every element the server sends has the shape of each element the example shows.
        const QJsonArray a = shown.toArray(), b = actual.toArray();
        QSet<QString> reported;
        for (const QJsonValue &example : a) {
            for (const QJsonValue &element : b) {
                for (const QString &difference : differences(example, element, path + "[]")) {
                    if (!reported.contains(difference))
                        found.append(difference);
                    reported.insert(difference);
                }
            }
        }
    }
    return found;
}

QString SseBlock::signature() const
{
    QStringList unique;
    for (const QString &field : fields) {
        if (!unique.contains(field))
            unique.append(field);
    }
    QString text = unique.join(u'+');
    if (!event.isEmpty())
        text += QStringLiteral(" event=") + event;
    if (fields.contains(QLatin1String("data"))) {
        const std::optional<QJsonValue> value = json();
        text += QStringLiteral(" data=") + (value ? of(*value) : QStringLiteral("text"));
    }
    return text;
}

std::optional<QJsonValue> SseBlock::json() const
{
    const QJsonDocument document = QJsonDocument::fromJson(data.toUtf8());
    if (document.isObject())
        return QJsonValue(document.object());
    if (document.isArray())
        return QJsonValue(document.array());
    return std::nullopt;
}

namespace {
void addField(SseBlock &block, const QString &line)
{
    const qsizetype colon = line.indexOf(u':');
    const QString name = colon < 0 ? line : line.left(colon);
    QString value = colon < 0 ? QString() : line.mid(colon + 1);
    if (value.startsWith(u' '))
        value.remove(0, 1);
    block.fields.append(name);
    if (name == QLatin1String("event"))
        block.event = value;
    else if (name == QLatin1String("id"))
        block.id = value;
    else if (name == QLatin1String("data"))
        block.data += (block.data.isEmpty() ? QString() : QStringLiteral("\n")) + value;
}
} // namespace

QList<SseBlock> sseFromShown(const QStringList &lines, int firstLine)
{
    QList<SseBlock> blocks;
    SseBlock block;
    for (qsizetype i = 0; i <= lines.size(); ++i) {
        const QString line = i < lines.size() ? lines[i].trimmed() : QString();
        if (line.isEmpty() || line == QLatin1String("...")) {
            if (!block.fields.isEmpty())
                blocks.append(block);
            block = SseBlock();
            continue;
        }
        if (block.fields.isEmpty())
            block.line = firstLine + int(i);
        addField(block, line);
    }
    return blocks;
}

QList<SseBlock> sseFromBody(const QByteArray &body)
{
    QList<SseBlock> blocks;
    const QString text
        = QString::fromUtf8(body).replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    const qsizetype complete = text.lastIndexOf(QStringLiteral("\n\n"));
    if (complete < 0)
        return blocks;
    for (const QString &chunk : text.left(complete).split(QStringLiteral("\n\n"))) {
        SseBlock block;
        for (const QString &line : chunk.split(u'\n')) {
            if (!line.isEmpty() && !line.startsWith(u':'))
                addField(block, line);
        }
        if (!block.fields.isEmpty())
            blocks.append(block);
    }
    return blocks;
}

QList<SseBlock> collapsed(const QList<SseBlock> &blocks)
{
    QList<SseBlock> result;
    for (const SseBlock &block : blocks) {
        if (result.isEmpty() || result.last().signature() != block.signature())
            result.append(block);
    }
    return result;
}

} // namespace BodyShape
