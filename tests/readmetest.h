#pragma once

#include <QProcessEnvironment>
#include <QString>

// What the tests of README.md share (tst_readmeoptions, tst_readmeserver, tst_readmerepository):
// where the repository is, how a failure names a line of the README, and the environment the
// real `quotecast` runs in for them.
namespace readmetest {

// The repository's root, where README.md, docs/ and tests/CMakeLists.txt are.
QString sourceDir();
// "README.md:<line>", for a failure message.
QString where(int line);
// A table cell's text without the backticks around it: "`5s`" -> "5s".
QString withoutBackticks(QString text);
// The system environment in English (the README is), with the history, settings and log in
// `home` (XDG_DATA_HOME, XDG_CONFIG_HOME), never the user's.
QProcessEnvironment englishEnvironment(const QString &home);

} // namespace readmetest
