#pragma once

#include "serversettings.h"

#include <QStringList>

#include <optional>

namespace quotecast {

// What the user asked for on the command line, validated.
struct AppOptions
{
    enum class Outcome { Run, ShowHelp, ShowVersion, Error };

    ServerSettings server;
    int intervalMs = 2000;
    std::optional<quint32> seed;
    bool headless = false;

    // Parses `arguments` (argv, program name first). On Outcome::Error, `message`
    // says what is wrong; on ShowHelp/ShowVersion it holds the text to print.
    static AppOptions parse(const QStringList &arguments, Outcome *outcome, QString *message);
};

} // namespace quotecast
