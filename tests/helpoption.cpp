#include "helpoption.h"

#include <QRegularExpression>

QList<HelpOption> HelpOption::parse(const QString &helpText)
{
    QList<HelpOption> options;
    // An option line is indented by exactly two spaces; a continuation line by the width of
    // the option column, so a wrapped description that starts with "-" is not an option.
    static const QRegularExpression optionLine(
        QStringLiteral("^  (-[^ ]*(?:, -[^ ]*)*)(?: <([^>]+)>)?(?:\\s{2,}(.*))?$"));
    static const QRegularExpression continuation(QStringLiteral("^\\s{3,}(\\S.*)$"));
    static const QRegularExpression defaultValue(QStringLiteral("Default: (.+)\\.$"));
    const QStringList lines = helpText.split(u'\n');
    bool inOptions = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed().isEmpty() ? QString() : lines[i];
        if (line.endsWith(u':') && !line.startsWith(u' ')) {
            inOptions = line == QLatin1String("Options:");
            continue;
        }
        if (!inOptions)
            continue;
        if (const QRegularExpressionMatch match = optionLine.match(line); match.hasMatch()) {
            HelpOption option;
            option.line = int(i) + 1;
            option.names = match.captured(1).split(QStringLiteral(", "));
            option.valueName = match.captured(2);
            option.description = match.captured(3).trimmed();
            options.append(option);
        } else if (const QRegularExpressionMatch more = continuation.match(line);
                   more.hasMatch() && !options.isEmpty()) {
            QString &description = options.last().description;
            description += (description.isEmpty() ? "" : " ") + more.captured(1).trimmed();
        }
    }
    for (HelpOption &option : options) {
        if (const QRegularExpressionMatch match = defaultValue.match(option.description);
            match.hasMatch())
            option.defaultValue = match.captured(1);
    }
    return options;
}
