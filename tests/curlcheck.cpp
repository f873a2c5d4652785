#include "curlcheck.h"

#include "bodyshape.h"
#include "curlrun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

using BodyShape::SseBlock;

namespace {
const QString DocumentedAddress = QStringLiteral("localhost:8080");

bool looksLikeJson(const QStringList &lines)
{
    return !lines.isEmpty() && (lines.first().startsWith(u'{') || lines.first().startsWith(u'['));
}

QString symbolOf(const SseBlock &block)
{
    const std::optional<QJsonValue> json = block.json();
    return json ? json->toObject().value(u"symbol").toString() : QString();
}

// What is wrong with the start of a stream: retry, `event: status`, then the snapshot (one
// unnamed event per symbol, only the last with an id), then a live event with an id.
// `complete` once all of them have arrived.
QStringList streamProblems(const QList<SseBlock> &blocks, const QStringList &filter, bool *complete)
{
    *complete = false;
    QStringList problems;
    if (blocks.isEmpty())
        return problems;
    if (blocks[0].fields != QStringList { "retry" })
        problems.append("the stream starts with " + blocks[0].signature() + ", not retry:");
    if (blocks.size() < 2)
        return problems;
    const std::optional<QJsonValue> status = blocks[1].json();
    if (blocks[1].event != QLatin1String("status") || !status)
        return problems << "the second block is " + blocks[1].signature() + ", not event: status";
    QStringList symbols = filter;
    if (symbols.isEmpty()) {
        for (const QJsonValue &symbol : status->toObject().value(u"symbols").toArray())
            symbols.append(symbol.toString());
    }
    const qsizetype count = symbols.size();
    if (blocks.size() < 2 + count + 1)
        return problems;
    *complete = true;
    QStringList snapshot;
    for (qsizetype k = 0; k < count; ++k) {
        const SseBlock &block = blocks[2 + k];
        snapshot.append(symbolOf(block));
        const bool last = k == count - 1;
        if (!block.event.isEmpty() || block.fields.contains(QLatin1String("id")) != last)
            problems.append(QStringLiteral("snapshot event %1 of %2 is %3; expected an unnamed "
                                           "event, with an id only for the last")
                                .arg(k + 1)
                                .arg(count)
                                .arg(block.signature()));
    }
    if (QSet<QString>(snapshot.begin(), snapshot.end())
            != QSet<QString>(symbols.begin(), symbols.end())
        || snapshot.size() != count)
        problems.append(QStringLiteral("the snapshot has %1; expected one event per symbol of %2")
                            .arg(snapshot.join(u','), symbols.join(u',')));
    const SseBlock &live = blocks[2 + count];
    if (!live.event.isEmpty() || !live.fields.contains(QLatin1String("id"))
        || !symbols.contains(symbolOf(live)))
        problems.append(QStringLiteral("after the snapshot came %1 (%2); expected a live tick of "
                                       "%3 with an id")
                            .arg(live.signature(), live.data, symbols.join(u',')));
    return problems;
}

QList<SseBlock> withoutHeartbeats(const QList<SseBlock> &blocks)
{
    QList<SseBlock> result;
    for (const SseBlock &block : blocks) {
        if (block.event != QLatin1String("heartbeat"))
            result.append(block);
    }
    return result;
}
} // namespace

CurlCheck::CurlCheck(const MarkdownDoc &readme, quint16 port)
    : m_readme(readme)
    , m_port(port)
{ }

QString CurlCheck::documentedMediaType(const QString &path) const
{
    const auto table = m_readme.table({ "request", "answer" });
    if (!table)
        return {};
    static const QRegularExpression mediaType(QStringLiteral("^[a-z]+/[a-z0-9.+-]+$"));
    for (const MarkdownDoc::TableRow &row : table->rows) {
        for (const MarkdownDoc::CodeSpan &span : MarkdownDoc::codeSpans(row.cells[0], row.line)) {
            const QString documented
                = span.code.section(u' ', -1).section(u'?', 0, 0); // "GET /stream" -> "/stream"
            if (documented != path)
                continue;
            for (const MarkdownDoc::CodeSpan &answer :
                 MarkdownDoc::codeSpans(row.cells.value(1), row.line)) {
                if (mediaType.match(answer.code).hasMatch())
                    return answer.code;
            }
            if (row.cells.value(1).contains(QLatin1String("JSON")))
                return QStringLiteral("application/json");
        }
    }
    return {};
}

QStringList CurlCheck::problems(const CurlExample &example) const
{
    const QString at = QStringLiteral("README.md:%1 `%2`").arg(example.line).arg(example.command);
    if (!example.unreadable.isEmpty())
        return { QStringLiteral("%1: %2 is something this test does not know how to check")
                     .arg(at, example.unreadable) };
    if (!example.url.contains(DocumentedAddress))
        return { QStringLiteral("%1: its URL is not on %2, the address this test replaces by the "
                                "test server's")
                     .arg(at, DocumentedAddress) };

    const QString address = QStringLiteral("127.0.0.1:%1").arg(m_port);
    QStringList arguments { QStringLiteral("-q") }; // no ~/.curlrc
    if (!example.includesHeaders && !example.headOnly)
        arguments.append(QStringLiteral("-i")); // the status and headers, before the body
    for (QString argument : example.arguments())
        arguments.append(argument.replace(DocumentedAddress, address));
    const QUrl url(QString(example.url).replace(DocumentedAddress, address));
    const QUrlQuery query(url);

    QStringList problems;
    const bool showsJson = looksLikeJson(example.shownOutput);
    const QList<SseBlock> shownBlocks = showsJson
        ? QList<SseBlock>()
        : BodyShape::sseFromShown(example.shownOutput, example.shownOutputLine);
    const bool showsHeartbeat
        = std::any_of(shownBlocks.begin(), shownBlocks.end(),
                      [](const SseBlock &b) { return b.event == "heartbeat"; });
    const QList<SseBlock> shownKinds = BodyShape::collapsed(shownBlocks);
    QStringList filter;
    for (const QString &symbol :
         query.queryItemValue(QStringLiteral("symbols")).split(u',', Qt::SkipEmptyParts))
        filter.append(symbol.toUpper());
    const auto received = [&](const QByteArray &body) {
        const QList<SseBlock> all = BodyShape::sseFromBody(body);
        return showsHeartbeat ? all : withoutHeartbeats(all);
    };

    CurlRun run;
    if (example.streams) {
        const bool enough = run.runUntil(
            arguments,
            [&](const QByteArray &body) {
                bool complete = false;
                streamProblems(withoutHeartbeats(received(body)), filter, &complete);
                return complete && BodyShape::collapsed(received(body)).size() >= shownKinds.size();
            },
            StreamTimeoutMs);
        if (!enough && run.status() < 300)
            problems.append(QStringLiteral("%1: %2; received %3")
                                .arg(at, run.error(), QString::fromUtf8(run.body().left(800))));
    } else if (!run.run(arguments, 10000)) {
        problems.append(QStringLiteral("%1: %2").arg(at, run.error()));
    }
    if (run.status() == 0)
        return problems;

    const int expected = example.statedStatus ? example.statedStatus : 200;
    if (run.status() != expected)
        problems.append(QStringLiteral("%1: %2; quotecast answered %3 %4")
                            .arg(at,
                                 example.statedStatus
                                     ? QStringLiteral("the README says (%1)").arg(expected)
                                     : QStringLiteral("no status stated, so 200 expected"))
                            .arg(run.status())
                            .arg(QString::fromUtf8(run.body().left(200)).trimmed()));
    if (expected >= 400) {
        // "Every error has a one-line text body saying what was wrong."
        if (run.mediaType() != "text/plain" || run.body().trimmed().isEmpty()
            || run.body().trimmed().contains('\n'))
            problems.append(
                QStringLiteral("%1: an error has a one-line text/plain body, says the "
                               "README; quotecast sent %2: %3")
                    .arg(at, QString::fromUtf8(run.mediaType()), QString::fromUtf8(run.body())));
    } else {
        const QString documented = documentedMediaType(url.path());
        if (documented.isEmpty())
            problems.append(QStringLiteral("%1: README's endpoint table names no content type for "
                                           "%2; quotecast sends %3")
                                .arg(at, url.path(), QString::fromUtf8(run.mediaType())));
        else if (run.mediaType() != documented.toUtf8())
            problems.append(
                QStringLiteral("%1: README's endpoint table says %2 for %3; quotecast "
                               "sends %4")
                    .arg(at, documented, url.path(), QString::fromUtf8(run.mediaType())));
    }
    if (example.headOnly && !run.body().isEmpty())
        problems.append(QStringLiteral("%1: -I (headers only), yet a body came: %2")
                            .arg(at, QString::fromUtf8(run.body().left(200))));

    if (showsJson) {
        QString error;
        const std::optional<QJsonValue> shown
            = BodyShape::jsonFromShown(example.shownOutput, &error);
        const QJsonDocument actual = QJsonDocument::fromJson(run.body());
        if (!shown)
            problems.append(
                QStringLiteral("README.md:%1 shows %2").arg(example.shownOutputLine).arg(error));
        else if (actual.isNull())
            problems.append(QStringLiteral("%1 shows JSON; quotecast sent %2")
                                .arg(at, QString::fromUtf8(run.body().left(200))));
        else
            for (const QString &difference : BodyShape::differences(
                     *shown,
                     actual.isObject() ? QJsonValue(actual.object()) : QJsonValue(actual.array())))
                problems.append(QStringLiteral("README.md:%1 (the output of line %2) %3")
                                    .arg(example.shownOutputLine)
                                    .arg(example.line)
                                    .arg(difference));
    }
    if (example.streams) {
        const QList<SseBlock> blocks = received(run.body());
        bool complete = false;
        for (const QString &problem : streamProblems(withoutHeartbeats(blocks), filter, &complete))
            problems.append(QStringLiteral("%1: %2").arg(at, problem));
        // The shown output, as its sequence of kinds of blocks.
        const QList<SseBlock> kinds = BodyShape::collapsed(blocks);
        for (qsizetype k = 0; k < shownKinds.size(); ++k) {
            const QString actualKind
                = k < kinds.size() ? kinds[k].signature() : QStringLiteral("nothing more");
            if (shownKinds[k].signature() != actualKind)
                problems.append(
                    QStringLiteral("README.md:%1 shows %2; quotecast sends %3 there (%4)")
                        .arg(shownKinds[k].line)
                        .arg(shownKinds[k].signature(), actualKind,
                             k < kinds.size() ? kinds[k].data : QString()));
        }
        // A resume id from the README's own run names another history: the snapshot, always.
        QString resumeId = example.header(QStringLiteral("Last-Event-ID"));
        if (resumeId.isEmpty())
            resumeId = query.queryItemValue(QStringLiteral("lastEventId"));
        const auto withId = std::find_if(blocks.begin(), blocks.end(), [](const SseBlock &b) {
            return b.fields.contains(QLatin1String("id"));
        });
        if (!resumeId.isEmpty() && withId != blocks.end()) {
            const QString serverRun = withId->id.section(u'-', 0, -2); // <run>-<seq>
            if (serverRun == resumeId.section(u'-', 0, -2))
                problems.append(QStringLiteral("%1: %2 is of the test server's own history; the "
                                               "README's example is from another one")
                                    .arg(at, resumeId));
        }
    }
    return problems;
}
