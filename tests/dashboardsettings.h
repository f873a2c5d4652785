#pragma once

#include <QCoreApplication>
#include <QStandardPaths>
#include <QString>

// The window remembers things (its geometry, the address picked) in QSettings. The dashboard's
// tests (tst_dashboard*) call this in initTestCase so that those settings go to a throw-away
// test location, never the user's own; each test then starts from empty settings (init).
inline void useThrowAwaySettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("quotecast-tests"));
}
