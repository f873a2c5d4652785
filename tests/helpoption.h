#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// One option as `quotecast --help` prints it (QCommandLineParser's format):
//   "  --heartbeat <duration>   Time between heartbeat events. Default: 5s."
// with the description wrapped onto indented continuation lines.
struct HelpOption
{
    int line = 0; // 1-based, in the help text
    QStringList names; // with their dashes: "-h", "--help"
    QString valueName; // "duration" for <duration>; empty for a switch
    QString description; // continuation lines joined by spaces
    QString defaultValue; // X of a closing "Default: X."; empty when none is printed

    bool hasDefault() const { return !defaultValue.isEmpty(); }
    // Every option of the help text, in order.
    static QList<HelpOption> parse(const QString &helpText);
};
